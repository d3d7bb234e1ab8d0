using BackpropPS.Core.Data;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The data a decision boundary is drawn over, read from records or a data set object: the two inputs in raw
    /// units (for the range and the dots), each sample's class when its target is known, and the input names for
    /// the axes. The grid, its range and the axis names are settled here for both boundary cmdlets.
    /// </summary>
    internal sealed class BoundaryInput
    {
        private BoundaryInput(Matrix inputs, int[] classes, IReadOnlyList<string> columns)
        {
            Inputs = inputs;
            Classes = classes;
            Columns = columns;
        }

        /// <summary>The samples' two inputs, raw; null without data.</summary>
        public Matrix Inputs { get; }

        /// <summary>Each sample's class (an index into the network's labels); null when the targets are not known.</summary>
        public int[] Classes { get; }

        /// <summary>The two input columns' names, or null.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>No data: the range must be given.</summary>
        public static readonly BoundaryInput None = new BoundaryInput(null, null, null);

        /// <summary>
        /// Reads what came: one data set object, or records (of which the network's input columns, or
        /// <paramref name="inputColumns"/>, or else the two columns that are not the target, are the inputs).
        /// </summary>
        public static BoundaryInput Read(DataInput data, Network network, string[] inputColumns, string[] targetColumns)
        {
            if (data.Dataset != null) return FromDataset(data.Dataset);
            return data.Records.Count == 0 ? None : FromRecords(data.Records, network, inputColumns, targetColumns);
        }

        /// <summary>The grid: over the data with a margin, or over the ranges given (both, or one with the data's other).</summary>
        public BoundaryGrid Grid(double[] xRange, double[] yRange, int resolution, double margin) =>
            BoundaryGrid.FromData(Inputs, resolution, margin, Range(xRange, "-XRange"), Range(yRange, "-YRange"));

        /// <summary>The axis names: the network's input columns, else the data's, else x1 and x2.</summary>
        public (string X, string Y) AxisNames(Network network)
        {
            IReadOnlyList<string> known = network.Schema != null && network.Schema.InputColumns.Count == 2 ? network.Schema.InputColumns : Columns;
            return known != null && known.Count == 2 ? (known[0], known[1]) : (NeuronNames.Input(1), NeuronNames.Input(2));
        }

        private static (double, double)? Range(double[] range, string parameter)
        {
            if (range == null) return null;
            if (range.Length != 2)
            {
                throw BackpropException.Argument("InvalidRange",
                    $"Expected {parameter} as two numbers, the low end and the high end (e.g. {parameter} -1.5, 1.5); got {Wording.Count(range.Length, "number")}.");
            }
            return (range[0], range[1]);
        }

        private static BoundaryInput FromDataset(Dataset data)
        {
            if (data.Inputs.Columns != 2)
            {
                throw BackpropException.Argument("NotTwoInputColumns",
                    $"A decision boundary is drawn over two inputs; the data set has {Wording.Count(data.Inputs.Columns, "input column")}.");
            }
            int[] classes = Enumerable.Range(0, data.Count).Select(r => DatasetPrediction.ClassOf(data.Targets, r)).ToArray();
            IReadOnlyList<string> columns = data.Schema != null && data.Schema.InputColumns.Count == 2 ? data.Schema.InputColumns : null;
            return new BoundaryInput(data.Inputs, classes, columns);
        }

        private static BoundaryInput FromRecords(IReadOnlyList<PSObject> records, Network network, string[] inputColumns, string[] targetColumns)
        {
            var table = new RecordTable(records, null);
            DataSchema schema = network.Schema;
            IReadOnlyList<string> targets = targetColumns ?? (schema != null && schema.TargetColumns.Count > 0 ? schema.TargetColumns : null);
            IReadOnlyList<string> inputs = inputColumns ?? (schema != null && schema.InputColumns.Count > 0 ? schema.InputColumns : null)
                ?? table.Columns(0).Where(c => targets == null || !targets.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (inputs.Count != 2)
            {
                throw BackpropException.Argument("NotTwoInputColumns",
                    $"A decision boundary is drawn over two inputs; got {Wording.Count(inputs.Count, "input column")} ({string.Join(", ", inputs)}). Name the two with -InputColumn.");
            }
            foreach (string column in inputs.Concat(targetColumns ?? new string[0]))
            {
                if (!table.HasColumn(0, column))
                {
                    throw new BackpropException("MissingColumn", BackpropErrorKind.InvalidData,
                        $"Record 1 has no column '{column}'. Its columns are: {string.Join(", ", table.Columns(0))}.");
                }
            }
            var values = new double[2 * table.Count];
            for (int r = 0; r < table.Count; r++)
                for (int c = 0; c < 2; c++) values[2 * r + c] = table.Number(r, inputs[c]);
            // The dots are coloured by class when the records hold the target (a network's known one may be absent).
            bool labelled = targets != null && targets.All(t => table.HasColumn(0, t));
            return new BoundaryInput(new Matrix(table.Count, 2, values), labelled ? ClassesOf(table, network, targets) : null, inputs.ToArray());
        }

        // A classifier's labels by its own encoding; numeric targets as accuracy reads them (0.5 for one column, else the largest).
        private static int[] ClassesOf(RecordTable table, Network network, IReadOnlyList<string> targets)
        {
            LabelEncoding encoding = network.Schema?.Encoding(network.OutputSize);
            if (encoding != null && targets.Count == 1)
                return Enumerable.Range(0, table.Count).Select(r => encoding.Index(table.Text(r, targets[0]), targets[0], r + 1)).ToArray();
            var row = new double[targets.Count];
            return Enumerable.Range(0, table.Count).Select(r =>
            {
                for (int c = 0; c < targets.Count; c++) row[c] = table.Number(r, targets[c]);
                return Accuracy.ClassOf(row, 0, row.Length);
            }).ToArray();
        }
    }
}
