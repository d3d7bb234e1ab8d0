using System.IO;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws samples of an image data set as an SVG grid with their labels; with -Network, with the predicted
    /// label too, and with -Misclassified only the samples the network gets wrong.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropImageGrid", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropImageGridCommand : TilePictureCmdlet
    {
        private Dataset _data;

        /// <summary>The data set, such as Get-BackpropDataset Digits returns.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Dataset")]
        [ValidateNotNull]
        [TravellingObject]
        public Dataset InputObject { get; set; }

        /// <summary>At most this many images.</summary>
        [Parameter]
        [ValidateRange(1, ImageGrid.MaxTiles)]
        [WholeNumber]
        public int Count { get; set; } = 36;

        /// <summary>The first sample (from 0) to draw or to search from.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int Start { get; set; }

        /// <summary>The samples (from 0) to draw or to search, in this order; instead of -Start.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [WholeNumber]
        public int[] Index { get; set; }

        /// <summary>A classifier whose predicted label is shown beside the true one.</summary>
        [Parameter]
        [ValidateNotNull]
        [TravellingObject]
        public Network Network { get; set; }

        /// <summary>Only the samples the network gets wrong (needs -Network).</summary>
        [Parameter]
        public SwitchParameter Misclassified { get; set; }

        // Two ways to pick samples would need four parameter sets, which PowerShell cannot tell apart from
        // -LiteralPath alone; so -Start and -Index share the sets and exclude each other here.
        private bool ByIndex => Index != null;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Misclassified && Network == null)
                Refuse("MisclassifiedWithoutNetwork", "-Misclassified needs the network that classifies the samples: add -Network.", null);
            if (ByIndex && IsBound(nameof(Start)))
                Refuse("StartWithIndex", "Give either -Start (the samples from one row on) or -Index (the rows listed), not both.", Start);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            RefuseSecond(_data != null, InputObject);
            _data = InputObject;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_data == null) return; // nothing was piped
            if (!ByIndex && Start >= _data.Count)
                Refuse("SampleNotFound", $"Expected -Start from 0 to {_data.Count - 1} (the data set has {Wording.Count(_data.Count, "sample")}); got {Start}.", Start);
            var settings = new SampleImageSettings
            {
                // With -Index alone, every sample named; -Count still caps it when given.
                Count = ByIndex && !IsBound(nameof(Count)) ? Index.Length : Count,
                ImageWidth = GivenImageWidth,
                Columns = Columns,
                Network = Network,
                MisclassifiedOnly = Misclassified,
            };
            int[] rows = ByIndex ? Index : Enumerable.Range(Start, _data.Count - Start).ToArray();
            ImageGrid grid = Titled(Run(() => SampleImages.Of(_data, rows, settings), _data));
            string what = Misclassified ? "misclassified samples" : "samples";
            WritePicture($"Export {grid.Tiles.Count} {what} as an image grid", writer => SvgImages.Write(grid, writer));
        }
    }
}
