using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// The exercise file: a network file (about_BackpropPS_NetworkFile, so Import-BackpropNetwork reads it)
    /// with one more field, "exercise": { input, target, loss, learningRate, decimals, parts, layers, seed,
    /// example }. Doubles round-trip exactly, so a grade from the file equals a grade from the exercise. It is read
    /// as strictly as a network file (StrictJson), and an exercise no worksheet can be is refused: a file's problems
    /// are InvalidExerciseFile, ExerciseFileTooLarge, ExerciseTooLarge, ExerciseValueOutOfRange or InvalidLearningRate.
    /// </summary>
    public static class ExerciseJson
    {
        /// <summary>The value of the exercise's "format" field.</summary>
        public const string FormatName = "BackpropPS.Exercise";

        /// <summary>The largest exercise file read (characters): the largest worksheet's has a few thousand.</summary>
        public const int MaxFileChars = 1 << 20;

        // What Exercise.Create refuses that is about the size of the exercise, not the form of the file: kept as they are.
        private static readonly string[] LimitIds = { "ExerciseTooLarge", "ExerciseValueOutOfRange", "InvalidLearningRate" };

        /// <summary>Writes the exercise file.</summary>
        public static void Write(Exercise exercise, TextWriter writer)
        {
            if (exercise == null) throw new ArgumentNullException(nameof(exercise));
            var settings = new JObject
            {
                ["format"] = FormatName,
                ["version"] = 1,
                ["input"] = new JArray(exercise.Input.Cast<object>().ToArray()),
                ["target"] = new JArray(exercise.Target.Cast<object>().ToArray()),
                ["loss"] = exercise.Loss.ToString(),
                ["learningRate"] = exercise.LearningRate,
                ["decimals"] = exercise.Decimals,
                ["parts"] = new JArray(exercise.Parts.Select(p => p.ToString()).Cast<object>().ToArray()),
                ["layers"] = new JArray(exercise.Layers.Cast<object>().ToArray()),
                ["seed"] = exercise.Seed.HasValue ? new JValue(exercise.Seed.Value) : JValue.CreateNull(),
                ["example"] = exercise.Example == null ? JValue.CreateNull() : new JValue(exercise.Example),
            };
            // The network file's own text (one weight row per line), with the exercise as its last field.
            string network = NetworkJson.Serialize(exercise.Network).TrimEnd();
            string body = settings.ToString(Formatting.Indented).Replace("\n", "\n  ").Replace("\r", "");
            writer.Write(network.Substring(0, network.Length - 1).TrimEnd());
            writer.Write(",\n  \"exercise\": ");
            writer.Write(body);
            writer.Write("\n}\n");
        }

        /// <summary>The file's text.</summary>
        public static string Serialize(Exercise exercise)
        {
            var writer = new StringWriter { NewLine = "\n" };
            Write(exercise, writer);
            return writer.ToString();
        }

        /// <summary>Reads an exercise file; <paramref name="source"/> (the file name) is named in errors.</summary>
        public static Exercise Read(TextReader reader, string source)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            string text = ReadAtMost(reader, MaxFileChars, source);
            Network network;
            JObject root;
            try
            {
                network = NetworkJson.Deserialize(text, source);
                root = (JObject)StrictJson.Parse(text, source); // a network file is an object, or Deserialize threw
            }
            catch (BackpropException x) when (x.ErrorId == "InvalidNetworkFile")
            {
                // A file that is no network file is no exercise file either: one ErrorId for both.
                throw new BackpropException("InvalidExerciseFile", BackpropErrorKind.InvalidData, x.Message, x);
            }
            if (!(root["exercise"] is JObject e) || e.Value<JToken>("format")?.Type != JTokenType.String || (string)e["format"] != FormatName)
                throw Invalid(source, "exercise", $"an object with \"format\": \"{FormatName}\" (a network file without it is no exercise)");
            if (e["version"]?.Type != JTokenType.Integer || (long)e["version"] != 1) throw Invalid(source, "exercise.version", "the integer 1");
            double Number(JToken t, string field) =>
                (t.Type == JTokenType.Float || t.Type == JTokenType.Integer) && IsFinite((double)t) ? (double)t
                    : throw Invalid(source, field, t.Type == JTokenType.Float ? "a finite number (this one is too large for a double)" : "a number");
            double[] Numbers(string name) =>
                e[name] is JArray a ? a.Select((t, i) => Number(t, $"exercise.{name}[{i}]")).ToArray() : throw Invalid(source, "exercise." + name, "an array of numbers");
            T Name<T>(JToken token, string field) where T : struct =>
                token?.Type == JTokenType.String && Enum.GetNames(typeof(T)).FirstOrDefault(n => string.Equals(n, (string)token, StringComparison.OrdinalIgnoreCase)) is string n
                    ? (T)Enum.Parse(typeof(T), n) : throw Invalid(source, field, "one of " + string.Join(", ", Enum.GetNames(typeof(T))));
            JToken rate = e["learningRate"], decimals = e["decimals"], seed = e["seed"], example = e["example"];
            if (rate == null) throw Invalid(source, "exercise.learningRate", "a number");
            double learningRate = Number(rate, "exercise.learningRate");
            if (decimals?.Type != JTokenType.Integer) throw Invalid(source, "exercise.decimals", $"an integer from 0 to {Exercise.MaxDecimals}");
            if ((long)decimals < 0 || (long)decimals > Exercise.MaxDecimals)
            {
                throw new BackpropException("ExerciseValueOutOfRange", BackpropErrorKind.InvalidData,
                    $"{source}: expected exercise.decimals to be from 0 to {Exercise.MaxDecimals}; got {(long)decimals}.");
            }
            if (!(e["parts"] is JArray parts)) throw Invalid(source, "exercise.parts", "an array of Forward, Backward and Update");
            if (!(e["layers"] is JArray layers) || layers.Any(t => t.Type != JTokenType.Integer || (long)t < 1 || (long)t > network.Layers.Count))
                throw Invalid(source, "exercise.layers", $"an array of layer numbers from 1 to {network.Layers.Count}");
            if (seed != null && seed.Type != JTokenType.Null && seed.Type != JTokenType.Integer) throw Invalid(source, "exercise.seed", "an integer or null");
            if (example != null && example.Type != JTokenType.Null && example.Type != JTokenType.String) throw Invalid(source, "exercise.example", "a string or null");
            try
            {
                return Exercise.Create(network, Numbers("input"), Numbers("target"), Name<LossFunction>(e["loss"], "exercise.loss"),
                    learningRate, (int)(long)decimals, parts.Select((p, k) => Name<ExercisePart>(p, $"exercise.parts[{k}]")).ToArray(),
                    layers.Select(t => (int)(long)t).ToArray(), seed?.Type == JTokenType.Integer ? (long?)(long)seed : null,
                    example?.Type == JTokenType.String ? (string)example : null);
            }
            catch (BackpropException x) when (LimitIds.Contains(x.ErrorId))
            {
                throw new BackpropException(x.ErrorId, BackpropErrorKind.InvalidData, $"{source}: {x.Message}", x);
            }
            catch (BackpropException x) when (x.ErrorId != "InvalidExerciseFile")
            {
                throw Invalid(source, "exercise", "settings that fit the network (" + x.Message + ")");
            }
        }

        // The text, read in pieces so that a huge file is refused after MaxFileChars characters, not read whole.
        private static string ReadAtMost(TextReader reader, int most, string source)
        {
            var text = new StringBuilder();
            var piece = new char[4096];
            int read;
            while ((read = reader.Read(piece, 0, piece.Length)) > 0)
            {
                text.Append(piece, 0, read);
                if (text.Length > most)
                {
                    throw new BackpropException("ExerciseFileTooLarge", BackpropErrorKind.InvalidData,
                        $"{source} is larger than an exercise file can be ({most} characters; the largest worksheet's has a few thousand). Give the file New-BackpropExercise wrote.");
                }
            }
            return text.ToString();
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

        private static BackpropException Invalid(string source, string field, string expected) =>
            new BackpropException("InvalidExerciseFile", BackpropErrorKind.InvalidData, $"{source}: expected {field} to be {expected}.");
    }
}
