namespace BackpropPS.Commands
{
    /// <summary>Base of the line charts (loss, gradient flow, learning-rate range test): a picture of a chosen size.</summary>
    public abstract class ChartExportCmdlet : PictureExportCmdlet
    {
        /// <summary>Width in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        [WholeNumber]
        public int Width { get; set; } = 640;

        /// <summary>Height in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        [WholeNumber]
        public int Height { get; set; } = 400;
    }
}
