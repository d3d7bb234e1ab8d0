using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// Rebuilds a data set (Get-BackpropDataset Digits, -AsDataset): its inputs and targets from their text, exactly
    /// Count rows of InputSize and TargetSize finite numbers, its precision, and its schema (columns, labels, scaling), which must fit
    /// them as it must fit any data set. One of more than <see cref="TravelLimit.MaxValues"/> numbers travels without
    /// them and is refused here, with the advice to load it where it is used.
    /// </summary>
    internal static class DatasetTravel
    {
        public static Dataset Rebuild(DeserializedObject bag)
        {
            string name = bag.OptionalText("Name", "the data set's name, or none");
            DeserializedObject fields = name == null ? bag : bag.Called($"data set '{Shorten(name)}'");
            int count = fields.Whole("Count", "a whole number of 1 or more", 1);
            int inputs = fields.Whole("InputSize", "a whole number of 1 or more", 1);
            int targets = fields.Whole("TargetSize", "a whole number of 1 or more", 1);
            long values = (long)count * ((long)inputs + targets);
            if (!TravelLimit.Fits(values))
            {
                throw TravelLimit.TooLarge(
                    $"The data set{(name == null ? "" : $" '{Shorten(name)}'")} ({Wording.Number(count)} samples of {Wording.Count(inputs, "input")} and {Wording.Count(targets, "target")})",
                    values, "Load it where it is used: run Get-BackpropDataset in the job or the remote session, and send back what you need " +
                    "(a trained network, an accuracy), or send a part of it.");
            }
            Matrix x = Batch(fields, "InputText", count, inputs);
            Matrix y = Batch(fields, "TargetText", count, targets);
            DataSchema schema = Schema(fields, inputs, targets);
            // A data set from before precisions were recorded holds doubles; floats come back as floats (their G17 text is exact).
            Precision precision = fields.Raw("Precision") == null ? Precision.Double : fields.Choice<Precision>("Precision");
            try
            {
                return new Dataset(x, y, schema, name).WithPrecision(precision);
            }
            catch (BackpropException e)
            {
                throw fields.Refused(e.Message, e);
            }
        }

        private static Matrix Batch(DeserializedObject fields, string name, int rows, int columns)
        {
            string expected = $"{Wording.Count(rows, "row")} (Count) of {columns} numbers, as [[1,2],[3,4]]";
            string text = fields.OptionalText(name, expected) ?? throw fields.Invalid(name, expected);
            try
            {
                return MatrixText.Parse(text, columns, rows, TravelLimit.MaxValues);
            }
            catch (FormatException e)
            {
                throw fields.Invalid(name, $"{expected} ({e.Message})");
            }
        }

        // No schema when none of its parts came; else the parts that came, which the schema and the data set check.
        private static DataSchema Schema(DeserializedObject fields, int inputs, int targets)
        {
            int most = Math.Max(inputs, targets) + 1; // two labels on one output: one more than the columns
            IReadOnlyList<string> Names(string name)
            {
                string expected = $"a list of at most {most} names (text), or none";
                IReadOnlyList<string> names = fields.OptionalStrings(name, expected);
                return names != null && names.Count > most ? throw fields.Invalid(name, expected) : names;
            }
            IReadOnlyList<string> inputColumns = Names("InputColumns"), targetColumns = Names("TargetColumns"), classLabels = Names("ClassLabels");
            string scalingText = fields.OptionalText("ScalingText", "the input scaling as two rows, means and scales");
            if (inputColumns == null && targetColumns == null && classLabels == null && scalingText == null) return null;
            InputScaling scaling = scalingText == null ? null : Scaling(fields, scalingText, inputs);
            try
            {
                return new DataSchema(inputColumns ?? Array.Empty<string>(), targetColumns, classLabels, scaling);
            }
            catch (BackpropException e)
            {
                throw fields.Refused(e.Message, e);
            }
        }

        private static InputScaling Scaling(DeserializedObject fields, string text, int inputs)
        {
            string expected = $"the input scaling as two rows of {inputs} numbers, means and positive scales";
            try
            {
                Matrix rows = MatrixText.Parse(text, inputs, 2, 2L * inputs);
                double[] scale = rows.GetRow(1);
                if (scale.Any(s => s <= 0)) throw fields.Invalid("ScalingText", expected);
                return new InputScaling(rows.GetRow(0), scale);
            }
            catch (FormatException e)
            {
                throw fields.Invalid("ScalingText", $"{expected} ({e.Message})");
            }
        }

        private static string Shorten(string name) => Wording.Visible(name.Length > 60 ? name.Substring(0, 60) + "..." : name);
    }
}
