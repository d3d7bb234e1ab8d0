using System.Globalization;
using System.IO;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws the decision boundary of a network of two inputs as an SVG heat map with the data's points on it,
    /// axes in the data's own units. From a training run (its epoch rows piped in): one panel per chosen epoch,
    /// or with -Animate one animated panel stepping through the epochs. With -Layer: one small map per neuron of
    /// that layer, what each neuron draws. An existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropDecisionBoundary", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropDecisionBoundaryCommand : PictureExportCmdlet, IDynamicParameters
    {
        /// <summary>The most frames an animation takes from a run when -Epoch does not choose them.</summary>
        public const int DefaultFrames = 60;

        private readonly List<EpochResult> _epochs = new List<EpochResult>();
        private readonly BoundaryGridParameters _grid = new BoundaryGridParameters();
        private Network _network;

        /// <summary>A network, or the epoch rows of Invoke-BackpropTraining (each carries its network).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Network")]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The data drawn as dots and the range is read from: records or one data set object.</summary>
        [Parameter]
        [ValidateNotNull]
        public PSObject[] Data { get; set; }

        /// <summary>The record column(s) whose class colours the dots, when the network does not know them.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] TargetColumn { get; set; }

        /// <summary>The epochs to draw, from the piped run; by default the last (or, with -Animate, up to 60 spread over the run).</summary>
        [Parameter]
        [WholeNumber]
        public int[] Epoch { get; set; }

        /// <summary>One animated map stepping through the epochs instead of one panel per epoch.</summary>
        [Parameter]
        public SwitchParameter Animate { get; set; }

        /// <summary>Seconds each frame of an animation shows.</summary>
        [Parameter]
        [DecimalNumber]
        public double FrameDuration { get; set; } = 0.25;

        /// <summary>Draw one small map per neuron of this layer (from 1): what each neuron outputs over the grid.</summary>
        [Parameter]
        [WholeNumber]
        public int Layer { get; set; }

        /// <summary>With -Layer, the neurons to draw (from 1), in this order; by default all.</summary>
        [Parameter]
        [WholeNumber]
        public int[] Neuron { get; set; }

        /// <summary>The side of each map in pixels.</summary>
        [Parameter]
        [WholeNumber]
        public int Size { get; set; } = 320;

        /// <summary>The grid's range and resolution, and the input columns (shared with Get-BackpropDecisionBoundary).</summary>
        public object GetDynamicParameters() => _grid;

        private bool Tiles => IsBound(nameof(Layer));

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Tiles && Animate) Refuse("ConflictingOutput", "Expected -Layer (one map per neuron) or -Animate (one map through the epochs), not both.", InputObject);
            if (Neuron != null && !Tiles) Refuse("NeuronWithoutLayer", "-Neuron picks the neurons of -Layer; give the layer too, e.g. -Layer 1 -Neuron 1, 2.", InputObject);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            object item = InputObject.BaseObject;
            if (item is Network network || LanguagePrimitives.TryConvertTo(InputObject, out network))
            {
                RefuseSecond(_network != null || _epochs.Count > 0, InputObject);
                _network = network;
            }
            else if (item is EpochResult epoch || LanguagePrimitives.TryConvertTo(InputObject, out epoch))
            {
                RefuseSecond(_network != null, InputObject);
                _epochs.Add(epoch);
            }
            else
            {
                Refuse("NotANetwork", $"Expected a network or the epoch rows of Invoke-BackpropTraining; got {InputObject}.", InputObject);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_network == null && _epochs.Count == 0) return; // nothing was piped
            if (_network != null && (Epoch != null || Animate))
                Refuse("NotATrainingRun", "-Epoch and -Animate choose epochs of a training run; pipe the epoch rows of Invoke-BackpropTraining, not one network.", InputObject);
            List<EpochResult> chosen = _network != null ? null : Choose();
            Network first = _network ?? chosen[0].Network;
            Run(() => DecisionBoundary.EnsureTwoInputs(first), first);
            var data = new DataInput(new[] { "InputColumn", nameof(TargetColumn) }.Where(IsBound), keepRecords: true, oneDataset: true);
            if (Data != null) Run(() => data.AddAll(Data), Data);
            BoundaryInput input = Run(() => BoundaryInput.Read(data, first, _grid.InputColumn, TargetColumn), Data);
            BoundaryGrid grid = Run(() => _grid.Grid(input), first);
            var (x, y) = input.AxisNames(first);
            var settings = new BoundarySettings
            {
                XName = x, YName = y, Points = input.Inputs, PointClasses = input.Classes, PanelSize = Size, FrameSeconds = FrameDuration,
            };
            if (Tiles)
            {
                if (chosen != null && chosen.Count > 1) Refuse("ConflictingOutput", "-Layer draws the neurons of one network; choose one epoch with -Epoch.", InputObject);
                Network network = _network ?? chosen[0].Network;
                int tiles = Neuron?.Length ?? (Layer >= 1 && Layer <= network.Layers.Count ? network.Layers[Layer - 1].OutputSize : 1);
                Run(() => BoundarySvg.EnsureDrawable(tiles, grid), grid);
                NeuronMap neurons = Run(() => DecisionBoundary.Neurons(network, grid, Layer), Layer);
                settings.Title = Heading ?? $"Layer {Layer} of {network.Shape}{EpochWords(chosen)}: what each neuron outputs";
                WritePicture($"Export the neuron maps of layer {Layer}", w => BoundarySvg.WriteNeurons(neurons, settings, w, Neuron));
                return;
            }
            Run(() => BoundarySvg.EnsureDrawable(chosen?.Count ?? 1, grid), grid);
            List<BoundaryFrame> frames = _network != null
                ? new List<BoundaryFrame> { new BoundaryFrame(Run(() => DecisionBoundary.Classes(_network, grid), _network), $"{_network.Shape} network") }
                : Frames(chosen, grid);
            settings.Title = Heading ?? $"Decision boundary of a {first.Shape} network" +
                (chosen == null ? "" : Animate ? FrameWords(chosen) : EpochWords(chosen));
            string action = Animate ? $"Export an animated decision boundary of {Wording.Count(frames.Count, "frame")}" : $"Export {Wording.Count(frames.Count, "decision boundary", "decision boundaries")}";
            WritePicture(action, w => BoundarySvg.Write(frames, settings, w, Animate));
        }

        private List<BoundaryFrame> Frames(List<EpochResult> chosen, BoundaryGrid grid)
        {
            var frames = new List<BoundaryFrame>();
            var progress = new ProgressRecord(1, "Drawing decision boundaries", "Starting");
            for (int k = 0; k < chosen.Count; k++)
            {
                EpochResult e = chosen[k];
                progress.StatusDescription = $"Epoch {e.Epoch} ({k + 1} of {chosen.Count})";
                progress.PercentComplete = 100 * k / chosen.Count;
                if (chosen.Count > 1) WriteProgress(progress);
                BoundaryMap map = Run(() => DecisionBoundary.Classes(e.Network, grid), e);
                if (!map.Labels.SequenceEqual(frames.FirstOrDefault()?.Map.Labels ?? map.Labels))
                    Refuse("ClassLabelMismatch", $"Epoch {e.Epoch}'s network has other class labels than the first one drawn; pipe the epochs of one run.", InputObject);
                frames.Add(new BoundaryFrame(map, Caption(e), e.Epoch));
            }
            progress.RecordType = ProgressRecordType.Completed;
            if (chosen.Count > 1) WriteProgress(progress);
            return frames;
        }

        // The epochs asked for, in the order given; by default the last, or up to 60 spread evenly for an animation.
        private List<EpochResult> Choose()
        {
            if (Epoch != null)
            {
                if (Epoch.Length == 0) Refuse("EpochNotFound", "Expected at least one epoch with -Epoch.", InputObject);
                return Epoch.Select(n => _epochs.LastOrDefault(e => e.Epoch == n) ?? Missing(n)).ToList();
            }
            if (!Animate) return new List<EpochResult> { _epochs[_epochs.Count - 1] };
            int count = Math.Min(DefaultFrames, _epochs.Count);
            if (count < _epochs.Count) WriteVerbose($"{_epochs.Count} epochs came; the animation shows {count} of them, spread evenly from the first to the last (choose others with -Epoch).");
            return Enumerable.Range(0, count).Select(k => _epochs[count == 1 ? 0 : (int)Math.Round((double)k * (_epochs.Count - 1) / (count - 1))]).ToList();
        }

        private EpochResult Missing(int epoch)
        {
            string have = _epochs.Count == 0 ? "none" : $"{_epochs.Min(e => e.Epoch)} to {_epochs.Max(e => e.Epoch)}";
            Refuse("EpochNotFound", $"Epoch {epoch} is not among the piped epochs ({have}).", InputObject);
            return null;
        }

        // The accuracy as the epoch rows' view prints it, a percentage with one decimal.
        private static string Caption(EpochResult e) =>
            string.Format(CultureInfo.InvariantCulture, "Epoch {0}: loss {1:G4}", e.Epoch, e.Loss) +
            (e.Accuracy.HasValue ? ", accuracy " + Percent.Of(e.Accuracy.Value, 1) : "");

        // ": an animation of 60 frames, epochs 1 to 100": the frames named as frames, the epochs they come from.
        private static string FrameWords(List<EpochResult> chosen)
        {
            string epochs = chosen.Count == 1 ? $"epoch {chosen[0].Epoch}"
                : chosen.Count <= 6 ? EpochList(chosen)
                : $"epochs {chosen[0].Epoch} to {chosen[chosen.Count - 1].Epoch}";
            return $": an animation of {Wording.Count(chosen.Count, "frame")}, {epochs}";
        }

        // "after epoch 100", "at epochs 1, 10 and 100", or for many panels "at 12 epochs".
        private static string EpochWords(List<EpochResult> chosen)
        {
            if (chosen == null) return "";
            if (chosen.Count == 1) return $" after epoch {chosen[0].Epoch}";
            if (chosen.Count > 6) return $" at {Wording.Count(chosen.Count, "epoch")}";
            return " at " + EpochList(chosen);
        }

        // "epochs 1, 10 and 100", for two or more.
        private static string EpochList(List<EpochResult> chosen)
        {
            var numbers = chosen.Select(e => e.Epoch.ToString(CultureInfo.InvariantCulture)).ToList();
            return $"epochs {string.Join(", ", numbers.Take(numbers.Count - 1))} and {numbers[numbers.Count - 1]}";
        }
    }
}
