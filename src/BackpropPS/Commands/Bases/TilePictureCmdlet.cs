using BackpropPS.Core.Pictures;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the pictures that are grids of grey-scale tiles (Export-BackpropWeightImage, Export-BackpropImageGrid):
    /// the width of each tile's image and the tiles per row.
    /// </summary>
    public abstract class TilePictureCmdlet : PictureExportCmdlet
    {
        /// <summary>Pixels per image row, for a non-square image; the square root of the input count by default.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int ImageWidth { get; set; }

        /// <summary>Tiles per row of the grid; near-square by default.</summary>
        [Parameter]
        [ValidateRange(1, ImageGrid.MaxTiles)]
        [WholeNumber]
        public int Columns { get; set; }

        /// <summary>-ImageWidth when given, else none (the square root of the input count).</summary>
        protected int? GivenImageWidth => IsBound(nameof(ImageWidth)) ? ImageWidth : (int?)null;

        /// <summary>The grid with -Title as its heading when one is given.</summary>
        protected ImageGrid Titled(ImageGrid grid) => Title == null ? grid : new ImageGrid(Title, grid.Legend, grid.Tiles, grid.Columns);
    }
}
