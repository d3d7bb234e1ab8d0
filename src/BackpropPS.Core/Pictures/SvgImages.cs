using System.Globalization;
using System.IO;
using System.Xml;
using static BackpropPS.Core.Pictures.SvgMarkup;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// Writes an <see cref="ImageGrid"/> as a standalone SVG: one g class="tile" per image, holding a
    /// g class="pixels" with one 1x1 rect per pixel (scaled up as a whole), a frame and a caption text.
    /// The output depends only on the grid (no clock, no culture).
    /// </summary>
    public static class SvgImages
    {
        private const double Margin = 16, Gap = 12, CaptionHeight = 18, CaptionSize = 11, Heading = 58, TargetTileSize = 80;

        /// <summary>Writes the SVG document to <paramref name="writer"/>.</summary>
        public static void Write(ImageGrid grid, TextWriter writer)
        {
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            if (writer == null) throw new ArgumentNullException(nameof(writer));
            ImageTile first = grid.Tiles[0];
            // Whole screen pixels per image pixel, so that a 28x28 and an 8x8 tile both come out about 80 wide.
            int scale = Math.Max(1, (int)Math.Ceiling(TargetTileSize / Math.Max(first.Width, first.Height)));
            double tileWidth = first.Width * scale, tileHeight = first.Height * scale;
            double cellWidth = Math.Max(tileWidth, grid.Tiles.Max(t => TextWidth(t.Caption, CaptionSize)) + 4);
            double cellHeight = tileHeight + CaptionHeight;
            double gridWidth = grid.Columns * cellWidth + (grid.Columns - 1) * Gap;
            double width = 2 * Margin + Math.Max(gridWidth, Math.Max(TextWidth(grid.Title, 15, bold: true), TextWidth(grid.Legend, 11)));
            double left = (width - gridWidth) / 2;   // the grid centred under a wider heading
            double height = Heading + grid.Rows * cellHeight + (grid.Rows - 1) * Gap + Margin;

            using (XmlWriter xml = Create(writer))
            {
                StartDocument(xml, width, height, grid.Title);
                SvgMarkup.Text(xml, grid.Title, width / 2, 26, "middle", "caption", "font-size", "15", "font-weight", "bold");
                SvgMarkup.Text(xml, grid.Legend, width / 2, 44, "middle", "legend", "font-size", "11", "fill", "#555555");
                for (int k = 0; k < grid.Tiles.Count; k++)
                {
                    double x = left + (k % grid.Columns) * (cellWidth + Gap) + (cellWidth - tileWidth) / 2;
                    double y = Heading + (k / grid.Columns) * (cellHeight + Gap);
                    WriteTile(xml, grid.Tiles[k], x, y, scale, grid.Signed);
                }
                xml.WriteEndElement();
            }
            writer.Write('\n');
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToText(ImageGrid grid)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            Write(grid, writer);
            return writer.ToString();
        }

        private static void WriteTile(XmlWriter xml, ImageTile tile, double x, double y, int scale, bool signed)
        {
            StartGroup(xml, tile.Tooltip, "class", "tile", "id", tile.Id,
                "data-index", tile.Index?.ToString(CultureInfo.InvariantCulture),
                "data-correct", tile.Correct.HasValue ? (tile.Correct.Value ? "true" : "false") : null, "transform", $"translate({N(x)} {N(y)})");
            xml.WriteStartElement("g", Ns);
            Attributes(xml, "class", "pixels", "transform", $"scale({scale.ToString(CultureInfo.InvariantCulture)})", "shape-rendering", "crispEdges");
            for (int row = 0; row < tile.Height; row++)
            {
                for (int column = 0; column < tile.Width; column++)
                {
                    Element(xml, "rect", "x", N(column), "y", N(row), "width", "1", "height", "1",
                        "fill", Colour(tile.Brightness[row * tile.Width + column], signed));
                }
            }
            xml.WriteEndElement();
            double w = tile.Width * scale, h = tile.Height * scale;
            // A misclassified sample gets a red frame (the highlight), so the mistakes stand out in a grid of predictions.
            bool wrong = tile.Correct == false;
            Element(xml, "rect", "class", "frame", "x", "0", "y", "0", "width", N(w), "height", N(h), "fill", "none",
                "stroke", wrong ? PictureColours.Highlight : "#999999", "stroke-width", wrong ? "2" : "0.5");
            SvgMarkup.Text(xml, tile.Caption, w / 2, h + 13, "middle", "label", "font-size", N(CaptionSize), "fill", wrong ? PictureColours.Highlight : null);
            xml.WriteEndElement();
        }

        // A grey from black (0) to white (1); signed, orange (0) through white (0.5) to blue (1).
        private static string Colour(double brightness, bool signed) =>
            signed ? PictureColours.Hex(PictureColours.Diverging(double.IsNaN(brightness) ? 0 : 2 * brightness - 1)) : Grey(brightness);
    }
}
