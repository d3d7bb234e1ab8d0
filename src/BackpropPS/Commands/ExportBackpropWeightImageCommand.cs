using System.IO;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws what a layer learned as an SVG: the input weights of each of its neurons as a grey-scale tile the
    /// size of the input image, scaled symmetrically around 0; an existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropWeightImage", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropWeightImageCommand : TilePictureCmdlet
    {
        private Network _network;

        /// <summary>The network whose layer is drawn.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Network")]
        [ValidateNotNull]
        [TravellingObject]
        public Network InputObject { get; set; }

        /// <summary>The layer (from 1) whose input weights are drawn; 1 is the layer that reads the pixels.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int Layer { get; set; } = 1;

        /// <summary>The neurons (from 1) to draw; all of the layer's by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [WholeNumber]
        public int[] Neuron { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            RefuseSecond(_network != null, InputObject);
            _network = InputObject;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_network == null) return; // nothing was piped
            ImageGrid grid = Titled(Run(() => WeightImages.Of(_network, Layer, GivenImageWidth, Neuron, Columns), _network));
            WritePicture($"Export the input weights of {Wording.Count(grid.Tiles.Count, "neuron")} of layer {Layer} as images", writer => SvgImages.Write(grid, writer));
        }
    }
}
