using BackpropPS.Core.Kernels;

namespace BackpropPS.Core
{
    /// <summary>
    /// Forward and backward passes over a batch, as matrix products on contiguous arrays. Each call returns new
    /// objects and leaves its arguments unchanged.
    /// </summary>
    public static class Backpropagation
    {
        /// <summary>Runs <paramref name="network"/> on every row of <paramref name="input"/>.</summary>
        public static ForwardPass Forward(Network network, Matrix input) => Forward(network, input, Engine.Path);

        /// <summary>The forward pass on a chosen kernel path (the explain commands take the reference loops).</summary>
        internal static ForwardPass Forward(Network network, Matrix input, KernelPath path)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            Validation.EnsureBatch(input, network.InputSize, "input", "InputSizeMismatch", "NonFiniteInput");
            int rows = input.Rows, count = network.Layers.Count;
            var z = new Matrix[count];
            var a = new Matrix[count];
            Matrix previous = input;
            for (int l = 0; l < count; l++)
            {
                // z = a_prev W^T + b, a = f(z): one row per sample.
                Layer layer = network.Layers[l];
                int values = Validation.ArrayLength(rows, layer.OutputSize, $"A batch of {rows} samples through layer {l + 1}", "BatchTooLarge");
                var zl = new double[values];
                var al = new double[values];
                LayerPass.Forward(layer.Parameters, MatrixOperand.Rows(previous.Data, previous.Columns), rows, zl, al, path, 0);
                z[l] = Matrix.Wrap(rows, layer.OutputSize, zl);
                a[l] = previous = Matrix.Wrap(rows, layer.OutputSize, al);
            }
            return new ForwardPass(network, input, z, a);
        }

        /// <summary>Backpropagates <paramref name="loss"/> between the forward pass's output and <paramref name="target"/>.</summary>
        public static Gradient Backward(ForwardPass forward, Matrix target, LossFunction loss = LossFunction.HalfSquaredError) =>
            Backward(forward, target, loss, Engine.Path);

        /// <summary>The backward pass on a chosen kernel path (the explain commands take the reference loops).</summary>
        internal static Gradient Backward(ForwardPass forward, Matrix target, LossFunction loss, KernelPath path)
        {
            if (forward == null) throw new ArgumentNullException(nameof(forward));
            Network network = forward.Network;
            Layer last = network.Layers[network.Layers.Count - 1];
            Validation.EnsureBatch(target, network.OutputSize, "target", "TargetSizeMismatch", "NonFiniteTarget");
            if (target.Rows != forward.SampleCount)
            {
                throw BackpropException.Argument("BatchSizeMismatch",
                    $"Expected one target per input sample ({forward.SampleCount}); got {target.Rows}.");
            }
            Losses.EnsureCompatible(loss, last.Activation);

            int rows = forward.SampleCount, count = network.Layers.Count, outputs = network.OutputSize;
            var sampleLoss = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                sampleLoss[r] = Losses.SampleLoss(loss, last.Activation, forward.Z[count - 1].Data,
                    forward.Output.Data, target.Data, r, outputs);
            }

            var delta = new Matrix[count];
            var weightGradient = new Matrix[count];
            var biasGradient = new Matrix[count];
            // The gradients are of the batch's mean loss; a single sample's are left unscaled.
            double scale = rows == 1 ? 1.0 : 1.0 / rows;
            var d = new double[rows * outputs];
            Losses.OutputDelta(loss, last.Activation, forward.Z[count - 1].Data, forward.Output.Data, target.Data, d, rows, outputs);
            for (int l = count - 1; l >= 0; l--)
            {
                Layer layer = network.Layers[l];
                Matrix input = forward.InputTo(l);
                delta[l] = Matrix.Wrap(rows, layer.OutputSize, d);
                var gw = new double[layer.Weights.Count];
                var gb = new double[layer.Biases.Count];
                LayerPass.Gradients(layer.Parameters, d, MatrixOperand.Rows(input.Data, input.Columns), rows, scale, gw, gb, path, 0);
                weightGradient[l] = Matrix.Wrap(layer.OutputSize, layer.InputSize, gw);
                biasGradient[l] = Matrix.Wrap(1, gb.Length, gb);
                if (l > 0)
                {
                    // dL/da_prev = delta W, then through the previous layer's activation.
                    Layer below = network.Layers[l - 1];
                    var dA = new double[rows * layer.InputSize];
                    var next = new double[rows * below.OutputSize];
                    LayerPass.DeltaBelow(layer.Parameters, d, rows, below.Activation, forward.Z[l - 1].Data, forward.A[l - 1].Data,
                        dA, next, path, 0);
                    d = next;
                }
            }
            return new Gradient(forward, target, loss, Matrix.Wrap(rows, 1, sampleLoss), delta, weightGradient, biasGradient);
        }
    }
}
