using BackpropPS.Core.Training;

namespace BackpropPS.Core.Evaluation
{
    /// <summary>
    /// A network run over a whole data set a chunk at a time: big enough for the matrix kernels, small enough
    /// that 60,000 images never need one 60,000-row output. Inputs go through the network's own scaling first.
    /// In float32 (<see cref="Precision.Single"/>) the chunk's scaled inputs and the network's weights are rounded
    /// to floats and the pass runs in a float workspace; its outputs come back as doubles.
    /// </summary>
    public static class DatasetPrediction
    {
        /// <summary>Samples per forward pass.</summary>
        public const int Chunk = 512;

        /// <summary>The outputs for the samples at <paramref name="rows"/>, in that order: (first position in rows, output matrix).</summary>
        public static IEnumerable<(int Start, Matrix Output)> Forward(Network network, Dataset data, int[] rows,
            Precision precision = Precision.Double)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (data == null) throw new ArgumentNullException(nameof(data));
            if (data.Inputs.Columns != network.InputSize)
            {
                throw BackpropException.Argument("InputSizeMismatch",
                    $"The network takes {network.InputSize} inputs; the data set has {Wording.Count(data.Inputs.Columns, "input column")}.");
            }
            return precision == Precision.Single ? Chunks<float>(network, data, rows) : Chunks(network, data, rows);
        }

        /// <summary>The class of output (or target) row <paramref name="row"/>, as accuracy judges it (<see cref="Accuracy.ClassOf"/>).</summary>
        public static int ClassOf(Matrix values, int row) => Accuracy.ClassOf(values.Data, row * values.Columns, values.Columns);

        /// <summary>Counts every sample of <paramref name="data"/> into <paramref name="counts"/>: its target class against the predicted one.</summary>
        public static void Count(Network network, Dataset data, ConfusionMatrix counts, Precision precision = Precision.Double)
        {
            int[] all = new int[data.Count];
            for (int i = 0; i < all.Length; i++) all[i] = i;
            foreach (var (start, output) in Forward(network, data, all, precision))
            {
                for (int r = 0; r < output.Rows; r++) counts.Add(ClassOf(data.Targets, start + r), ClassOf(output, r));
            }
        }

        private static IEnumerable<(int, Matrix)> Chunks(Network network, Dataset data, int[] rows)
        {
            for (int start = 0; start < rows.Length; start += Chunk)
            {
                int count = Math.Min(Chunk, rows.Length - start);
                Matrix inputs = data.Rows(rows, start, count).Inputs;
                yield return (start, Backpropagation.Forward(network, network.PrepareInputs(inputs)).Output);
            }
        }

        // The same in a workspace of T, made once for all the chunks.
        private static IEnumerable<(int, Matrix)> Chunks<T>(Network network, Dataset data, int[] rows) where T : unmanaged
        {
            var workspace = new TrainingWorkspace<T>(network, Math.Min(Chunk, rows.Length), Kernels.Engine.Path, 0);
            for (int start = 0; start < rows.Length; start += Chunk)
            {
                int count = Math.Min(Chunk, rows.Length - start);
                Matrix inputs = network.PrepareInputs(data.Rows(rows, start, count).Inputs);
                Validation.EnsureBatch(inputs, network.InputSize, "input", "InputSizeMismatch", "NonFiniteInput");
                yield return (start, workspace.Predict(inputs.ToPrecision(workspace.Precision)));
            }
        }
    }
}
