using System.Globalization;
using System.Text;

namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// Prints a training step as the seed walk-through does: the outputs and loss, the deltas from the output
    /// layer down, and every parameter's old -> new value, to 12 decimals. A batch prints one line per sample.
    /// </summary>
    public static class StepReport
    {
        /// <summary>The report's text, lines separated by "\n".</summary>
        public static string Format(TrainingStep step)
        {
            Network network = step.Before;
            int samples = step.SampleCount;
            var text = new StringBuilder();

            text.Append("=== Forward ===\n");
            for (int r = 0; r < samples; r++)
            {
                text.Append(SamplePrefix(r, samples));
                text.Append(string.Join(", ", Enumerable.Range(0, network.OutputSize)
                    .Select(j => $"yhat{j + 1}={Number(step.Output[r, j])}")));
                text.Append('\n');
            }
            text.Append("Total loss E=").Append(Number(step.Loss));
            if (samples > 1) text.Append($" (mean over {samples} samples)");
            text.Append("\n\n");

            text.Append("=== Backward (key deltas) ===\n");
            for (int r = 0; r < samples; r++)
                for (int l = network.Layers.Count; l >= 1; l--)
                {
                    text.Append(SamplePrefix(r, samples));
                    text.Append(string.Join(", ", Enumerable.Range(0, network.Layers[l - 1].OutputSize)
                        .Select(j => $"delta_{NeuronNames.Neuron(network, l, j + 1)}={Number(step.Gradient.Delta[l - 1][r, j])}")));
                    text.Append('\n');
                }
            text.Append('\n');

            text.Append("=== Updated params ===\n");
            foreach (ParameterId p in ParameterId.All(network))
                text.Append($"{p.Name}: {Number(p.ValueIn(network))} -> {Number(p.ValueIn(step.After))}\n");
            return text.ToString();
        }

        private static string SamplePrefix(int row, int samples) =>
            samples == 1 ? "" : $"sample {(row + 1).ToString(CultureInfo.InvariantCulture)}: ";

        // Python's f"{x:.12f}", which the seed uses.
        private static string Number(double value) => value.ToString("F12", CultureInfo.InvariantCulture);
    }
}
