using System.IO;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws samples of an image data set as an SVG grid with their labels; with -Network, with the predicted
    /// label too, and with -Misclassified only the samples the network gets wrong.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropImageGrid", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropImageGridCommand : BackpropCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private string _path;
        private Dataset _data;

        /// <summary>The data set, such as Get-BackpropDataset Digits returns.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Dataset")]
        [ValidateNotNull]
        public Dataset InputObject { get; set; }

        /// <summary>The .svg file to write.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The .svg file to write, taken exactly as typed (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>At most this many images.</summary>
        [Parameter]
        [ValidateRange(1, ImageGrid.MaxTiles)]
        public int Count { get; set; } = 36;

        /// <summary>The first sample (from 0) to draw or to search from.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Start { get; set; }

        /// <summary>The samples (from 0) to draw or to search, in this order; instead of -Start.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public int[] Index { get; set; }

        /// <summary>A classifier whose predicted label is shown beside the true one.</summary>
        [Parameter]
        [ValidateNotNull]
        public Network Network { get; set; }

        /// <summary>Only the samples the network gets wrong (needs -Network).</summary>
        [Parameter]
        public SwitchParameter Misclassified { get; set; }

        /// <summary>Pixels per image row, for non-square images; the square root of the input count by default.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ImageWidth { get; set; }

        /// <summary>Images per row of the grid; near-square by default.</summary>
        [Parameter]
        [ValidateRange(1, ImageGrid.MaxTiles)]
        public int Columns { get; set; }

        /// <summary>The picture's heading, instead of the one that counts the samples.</summary>
        [Parameter]
        [ValidateNotNull]
        public string Title { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // Two ways to pick samples would need four parameter sets, which PowerShell cannot tell apart from
        // -LiteralPath alone; so -Start and -Index share the sets and exclude each other here.
        private bool ByIndex => Index != null;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (Title != null) Run(() => { SvgMarkup.CheckTitle(Title); return Title; }, Title);
            if (Misclassified && Network == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("MisclassifiedWithoutNetwork", ErrorCategory.InvalidArgument,
                    "-Misclassified needs the network that classifies the samples: add -Network.", null));
            }
            if (ByIndex && MyInvocation.BoundParameters.ContainsKey(nameof(Start)))
            {
                ThrowTerminatingError(ErrorRecords.Create("StartWithIndex", ErrorCategory.InvalidArgument,
                    "Give either -Start (the samples from one row on) or -Index (the rows listed), not both.", Start));
            }
            _path = SvgFile.Prepare(this, ParameterSetName == PathSet ? Path : LiteralPath, Force);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            SvgFile.RefuseSecond(this, _data != null, _path, InputObject);
            _data = InputObject;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_data == null) return; // nothing was piped
            if (!ByIndex && Start >= _data.Count)
            {
                ThrowTerminatingError(ErrorRecords.Create("SampleNotFound", ErrorCategory.InvalidArgument,
                    $"Expected -Start from 0 to {_data.Count - 1} (the data set has {Wording.Count(_data.Count, "sample")}); got {Start}.", Start));
            }
            var settings = new SampleImageSettings
            {
                // With -Index alone, every sample named; -Count still caps it when given.
                Count = ByIndex && !MyInvocation.BoundParameters.ContainsKey(nameof(Count)) ? Index.Length : Count,
                ImageWidth = MyInvocation.BoundParameters.ContainsKey(nameof(ImageWidth)) ? ImageWidth : (int?)null,
                Columns = Columns,
                Network = Network,
                MisclassifiedOnly = Misclassified,
            };
            int[] rows = ByIndex ? Index : Enumerable.Range(Start, _data.Count - Start).ToArray();
            ImageGrid grid = Run(() => SampleImages.Of(_data, rows, settings), _data);
            if (Title != null) grid = new ImageGrid(Title, grid.Legend, grid.Tiles, grid.Columns);
            string what = Misclassified ? "misclassified samples" : "samples";
            SvgFile.Export(this, _path, $"Export {grid.Tiles.Count} {what} as an image grid", writer => SvgImages.Write(grid, writer), Force, PassThru);
        }
    }
}
