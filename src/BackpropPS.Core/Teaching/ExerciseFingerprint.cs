using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// An exercise's fingerprint: the first 64 bits of the SHA-256 of its canonical text, which holds everything
    /// grading depends on (each layer's activation, bias mode, weights and biases; the input, the target, the loss,
    /// the learning rate, the decimals, the parts and the layers asked), every number as the bits of its double.
    /// So it is the same in every edition and culture, and whatever the exercise file's layout; the seed and the
    /// example's name only say where the numbers came from, and are left out.
    /// </summary>
    internal static class ExerciseFingerprint
    {
        /// <summary>What every fingerprint starts with (letters first, so a spreadsheet keeps it as text).</summary>
        public const string Prefix = "sha256:";

        public static string Of(Exercise exercise)
        {
            var text = new StringBuilder("BackpropPS.Exercise 1\n");
            foreach (Layer layer in exercise.Network.Layers)
            {
                text.Append($"layer {layer.InputSize}x{layer.OutputSize} {layer.Activation} {layer.BiasMode}\n");
                Numbers(text, "weights", layer.Weights);
                Numbers(text, "biases", layer.Biases);
            }
            Numbers(text, "input", exercise.Input);
            Numbers(text, "target", exercise.Target);
            text.Append($"loss {exercise.Loss}\n");
            Numbers(text, "learningRate", new[] { exercise.LearningRate });
            text.Append("decimals ").Append(exercise.Decimals.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("parts ").Append(string.Join(",", exercise.Parts)).Append('\n');
            text.Append("layers ").Append(string.Join(",", exercise.Layers.Select(l => l.ToString(CultureInfo.InvariantCulture)))).Append('\n');
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
                return Prefix + string.Concat(hash.Take(8).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }

        // The bits, not a decimal text: exact, and the same in .NET Framework and .NET (whose "R" texts can differ).
        // -0 counts as 0: the two give the same step.
        private static void Numbers(StringBuilder text, string name, IEnumerable<double> values) =>
            text.Append(name).Append(' ')
                .Append(string.Join(",", values.Select(v => BitConverter.DoubleToInt64Bits(v + 0.0).ToString("x16", CultureInfo.InvariantCulture))))
                .Append('\n');
    }
}
