namespace BackpropPS.Core.Pictures
{
    /// <summary>One grey-scale picture of a grid: its pixels row by row, from black (0) to white (1), and a caption.</summary>
    public sealed class ImageTile
    {
        /// <summary>Creates a tile; <paramref name="brightness"/> holds width x height values, row-major.</summary>
        public ImageTile(int width, IReadOnlyList<double> brightness, string caption, string tooltip = null, string id = null, int? index = null, bool? correct = null)
        {
            if (brightness == null) throw new ArgumentNullException(nameof(brightness));
            if (width < 1 || brightness.Count == 0 || brightness.Count % width != 0)
                throw new ArgumentException($"Expected whole rows of {width} pixels; got {brightness.Count} pixels.", nameof(brightness));
            Width = width;
            Height = brightness.Count / width;
            Brightness = brightness.ToArray();
            Caption = caption ?? "";
            Tooltip = tooltip ?? Caption;
            Id = id;
            Index = index;
            Correct = correct;
        }

        /// <summary>Pixels per row.</summary>
        public int Width { get; }

        /// <summary>Rows.</summary>
        public int Height { get; }

        /// <summary>Each pixel's grey, row-major: 0 is black, 1 is white.</summary>
        public IReadOnlyList<double> Brightness { get; }

        /// <summary>The text under the tile.</summary>
        public string Caption { get; }

        /// <summary>What a browser shows when the pointer rests on the tile.</summary>
        public string Tooltip { get; }

        /// <summary>The SVG id of the tile (a neuron's name), or null.</summary>
        public string Id { get; }

        /// <summary>The sample's row in its data set (from 0), or null.</summary>
        public int? Index { get; }

        /// <summary>Whether a network classified the sample right; null when no network was asked.</summary>
        public bool? Correct { get; }
    }

    /// <summary>
    /// Tiles of one size in rows of <see cref="Columns"/>, under a title and a one-line legend: grey pictures
    /// (brightness from black to white), or signed ones (weights: orange through white to blue, see <see cref="PictureColours"/>).
    /// </summary>
    public sealed class ImageGrid
    {
        /// <summary>More tiles than this are too small to read on one page; pick some instead.</summary>
        public const int MaxTiles = 400;

        /// <summary>
        /// Creates a grid; <paramref name="columns"/> of 0 or less picks a near-square layout. With <paramref name="signed"/>,
        /// a tile's brightness 0 is drawn full orange (negative), 0.5 white (0) and 1 full blue (positive).
        /// </summary>
        public ImageGrid(string title, string legend, IReadOnlyList<ImageTile> tiles, int columns = 0, bool signed = false)
        {
            Signed = signed;
            Tiles = (tiles ?? throw new ArgumentNullException(nameof(tiles))).ToArray();
            if (Tiles.Count == 0) throw BackpropException.Argument("NoImages", "Expected at least one image to draw; got none.");
            if (Tiles.Count > MaxTiles)
            {
                throw new BackpropException("TooManyImages", BackpropErrorKind.LimitsExceeded,
                    $"Expected at most {MaxTiles} images in one picture (more are too small to read); got {Tiles.Count}. Draw a part of them at a time.");
            }
            if (Tiles.Any(t => t.Width != Tiles[0].Width || t.Height != Tiles[0].Height))
                throw BackpropException.Argument("ImageSizeMismatch", "Every image of one grid must have the same size.");
            Title = title ?? "";
            Legend = legend ?? "";
            Columns = columns > 0 ? Math.Min(columns, Tiles.Count) : (int)Math.Ceiling(Math.Sqrt(Tiles.Count));
        }

        /// <summary>
        /// The width of an image of <paramref name="pixels"/> values: <paramref name="given"/>, or the square root.
        /// <paramref name="subject"/> starts the error message ("Layer 1 takes", "Each sample has").
        /// </summary>
        public static int WidthOf(int pixels, int? given, string subject)
        {
            string what = $"{subject} {Wording.Count(pixels, "input")}";
            if (given.HasValue)
            {
                if (given.Value >= 1 && pixels % given.Value == 0) return given.Value;
                throw BackpropException.Argument("NotAnImage", $"{what}, which are not whole rows of {given.Value} pixels.");
            }
            int side = (int)Math.Round(Math.Sqrt(pixels));
            if (side * side == pixels) return side;
            throw BackpropException.Argument("NotAnImage",
                $"{what}, which is not a square image (784 is 28 x 28, 64 is 8 x 8); give the width of a non-square image with -ImageWidth.");
        }

        /// <summary>The heading.</summary>
        public string Title { get; }

        /// <summary>True when the tiles show signed values (0.5 is zero), drawn orange, white and blue rather than grey.</summary>
        public bool Signed { get; }

        /// <summary>One line under the heading: how to read the greys.</summary>
        public string Legend { get; }

        /// <summary>The tiles, left to right, top to bottom.</summary>
        public IReadOnlyList<ImageTile> Tiles { get; }

        /// <summary>Tiles per row.</summary>
        public int Columns { get; }

        /// <summary>Rows of tiles.</summary>
        public int Rows => (Tiles.Count + Columns - 1) / Columns;
    }
}
