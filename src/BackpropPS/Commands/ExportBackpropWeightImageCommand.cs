using System.IO;
using System.Management.Automation;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws what a layer learned as an SVG: the input weights of each of its neurons as a grey-scale tile the
    /// size of the input image, scaled symmetrically around 0; an existing file is replaced only with -Force.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropWeightImage", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropWeightImageCommand : BackpropCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private string _path;
        private Network _network;

        /// <summary>The network whose layer is drawn.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Network")]
        [ValidateNotNull]
        public Network InputObject { get; set; }

        /// <summary>The .svg file to write.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The .svg file to write, taken exactly as typed (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>The layer (from 1) whose input weights are drawn; 1 is the layer that reads the pixels.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Layer { get; set; } = 1;

        /// <summary>The neurons (from 1) to draw; all of the layer's by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public int[] Neuron { get; set; }

        /// <summary>Pixels per image row, for a non-square image; the square root of the input count by default.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ImageWidth { get; set; }

        /// <summary>Tiles per row of the grid; near-square by default.</summary>
        [Parameter]
        [ValidateRange(1, ImageGrid.MaxTiles)]
        public int Columns { get; set; }

        /// <summary>The picture's heading, instead of the one that names the layer.</summary>
        [Parameter]
        [ValidateNotNull]
        public string Title { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // The title and the path are checked first, so that a mistake shows before any drawing.
            if (Title != null) Run(() => { SvgMarkup.CheckTitle(Title); return Title; }, Title);
            _path = SvgFile.Prepare(this, ParameterSetName == PathSet ? Path : LiteralPath, Force);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            SvgFile.RefuseSecond(this, _network != null, _path, InputObject);
            _network = InputObject;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_network == null) return; // nothing was piped
            int? width = MyInvocation.BoundParameters.ContainsKey(nameof(ImageWidth)) ? ImageWidth : (int?)null;
            ImageGrid grid = Run(() => WeightImages.Of(_network, Layer, width, Neuron, Columns), _network);
            if (Title != null) grid = new ImageGrid(Title, grid.Legend, grid.Tiles, grid.Columns);
            SvgFile.Export(this, _path, $"Export the input weights of {Wording.Count(grid.Tiles.Count, "neuron")} of layer {Layer} as images",
                writer => SvgImages.Write(grid, writer), Force, PassThru);
        }
    }
}
