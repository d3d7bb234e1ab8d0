using System.Text;
using BackpropPS.Core.Training;

namespace BackpropPS.Internal
{
    /// <summary>
    /// An image data set as records: the pixel columns p0..pN and the label column, the columns its schema
    /// names, so that the records train, predict and export like any others. At the prompt a record shows
    /// its label and a text sketch of the image (BackpropPS.ImageRecord view), not hundreds of pixel values.
    /// </summary>
    public static class ImageRecords
    {
        /// <summary>The type name the format file's view is selected by.</summary>
        public const string TypeName = "BackpropPS.ImageRecord";

        private const string Shades = " .:-=+*#%@";

        /// <summary>Writes one record per image, lazily, so that Select-Object -First 5 reads only five.</summary>
        internal static void Write(Cmdlet cmdlet, Dataset data)
        {
            var columns = data.Schema.InputColumns;
            string labelColumn = data.Schema.TargetColumns[0];
            for (int r = 0; r < data.Count; r++)
            {
                var record = new PSObject();
                record.TypeNames.Insert(0, TypeName);
                for (int c = 0; c < columns.Count; c++) record.Properties.Add(new PSNoteProperty(columns[c], data.Inputs[r, c]));
                record.Properties.Add(new PSNoteProperty(labelColumn, data.Schema.ClassLabels[LabelIndex(data.Targets, r)]));
                cmdlet.WriteObject(record);
            }
        }

        /// <summary>
        /// The image of a record as text: one character per pixel of two rows for wide images, two characters
        /// per pixel for small ones (8x8), shaded from ' ' (0) to '@' (1).
        /// </summary>
        public static string Sketch(PSObject record)
        {
            int count = 0;
            while (record.Properties["p" + count] != null) count++;
            int width = (int)Math.Round(Math.Sqrt(count));
            if (width * width != count || count == 0) return "";
            var pixels = new double[count];
            for (int i = 0; i < count; i++) pixels[i] = Convert.ToDouble(record.Properties["p" + i].Value, System.Globalization.CultureInfo.InvariantCulture);
            bool small = width <= 16;
            var text = new StringBuilder();
            for (int y = 0; y < width; y += small ? 1 : 2)
            {
                if (text.Length > 0) text.Append('\n');
                for (int x = 0; x < width; x++)
                {
                    double v = small || y + 1 >= width ? pixels[y * width + x] : (pixels[y * width + x] + pixels[(y + 1) * width + x]) / 2;
                    char shade = Shades[(int)Math.Round(Math.Max(0, Math.Min(1, v)) * (Shades.Length - 1))];
                    text.Append(shade);
                    if (small) text.Append(shade);
                }
            }
            return text.ToString();
        }

        private static int LabelIndex(Matrix targets, int row)
        {
            int best = 0;
            for (int k = 1; k < targets.Columns; k++) if (targets[row, k] > targets[row, best]) best = k;
            return best;
        }
    }
}
