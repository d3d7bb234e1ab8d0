using BackpropPS.Core.Explain;

namespace BackpropPS.Commands
{
    /// <summary>
    /// What a network of two inputs answers over a grid, as one flat row per grid point: the two inputs in the
    /// data's own units, the predicted class and each class's probability; with -Layer, each neuron's output
    /// of that layer instead. The range comes from the piped records or data set (with a margin) or from
    /// -XRange and -YRange.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BackpropDecisionBoundary")]
    [OutputType(typeof(PSObject))]
    public sealed class GetBackpropDecisionBoundaryCommand : BackpropCmdlet, IDynamicParameters
    {
        private readonly BoundaryGridParameters _grid = new BoundaryGridParameters();
        private DataInput _data;

        /// <summary>The network; it must take two inputs.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        [TravellingObject]
        public Network Network { get; set; }

        /// <summary>The data the range is read from: records (Import-Csv rows, Get-BackpropDataset) or one data set object.</summary>
        [Parameter(ValueFromPipeline = true)]
        [Alias("Data")]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>Give each neuron's output of this layer (from 1) instead of the classes.</summary>
        [Parameter]
        [WholeNumber]
        public int Layer { get; set; }

        /// <summary>The grid's range and resolution, and the input columns (shared with Export-BackpropDecisionBoundary).</summary>
        public object GetDynamicParameters() => _grid;

        /// <inheritdoc />
        protected override void BeginProcessing() =>
            _data = new DataInput(new[] { "InputColumn" }.Where(IsBound), keepRecords: true, oneDataset: true);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // -Data $records binds the whole array as one object; piped, the records come one by one. Same data.
            if (InputObject != null) Run(() => _data.AddAll(InputObject), InputObject);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Run(() => DecisionBoundary.EnsureTwoInputs(Network), Network);
            BoundaryInput input = Run(() => BoundaryInput.Read(_data, Network, _grid.InputColumn, null), InputObject);
            BoundaryGrid grid = Run(() => _grid.Grid(input), Network);
            var (x, y) = input.AxisNames(Network);
            WriteVerbose(string.Format(System.Globalization.CultureInfo.InvariantCulture, "A {0} x {0} grid: {1} from {2} to {3}, {4} from {5} to {6}.",
                grid.Resolution, x, grid.XMin, grid.XMax, y, grid.YMin, grid.YMax));
            if (IsBound(nameof(Layer))) WriteNeurons(Run(() => DecisionBoundary.Neurons(Network, grid, Layer), Layer), x, y);
            else WriteClasses(Run(() => DecisionBoundary.Classes(Network, grid), Network), x, y);
        }

        private void WriteClasses(BoundaryMap map, string x, string y)
        {
            string[] names = new string[map.Labels.Count];
            for (int k = 0; k < names.Length; k++) names[k] = "Probability_" + map.Labels[k];
            for (int point = 0; point < map.Grid.Count; point++)
            {
                PSObject row = Point(map.Grid, point, x, y);
                row.Properties.Add(new PSNoteProperty("Predicted", map.Labels[map.Predicted(point)]));
                for (int k = 0; k < names.Length; k++) row.Properties.Add(new PSNoteProperty(names[k], map.Probability(point, k)));
                WriteObject(row);
            }
        }

        private void WriteNeurons(NeuronMap map, string x, string y)
        {
            for (int point = 0; point < map.Grid.Count; point++)
            {
                PSObject row = Point(map.Grid, point, x, y);
                for (int j = 0; j < map.Names.Count; j++) row.Properties.Add(new PSNoteProperty(map.Names[j], map.Value(point, j)));
                WriteObject(row);
            }
        }

        private static PSObject Point(BoundaryGrid grid, int point, string x, string y)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty(x, grid.X(point % grid.Resolution)));
            row.Properties.Add(new PSNoteProperty(y, grid.Y(point / grid.Resolution)));
            return row;
        }
    }
}
