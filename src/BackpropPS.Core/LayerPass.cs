using BackpropPS.Core.Kernels;

namespace BackpropPS.Core
{
    /// <summary>
    /// One layer's share of a forward and a backward pass over a batch, on the kernels. Shared by the public
    /// passes (<see cref="Backpropagation"/>, which allocate the results a user sees) and the training
    /// workspace (which reuses its buffers): the same arithmetic either way, in doubles or (a float32 run) floats.
    /// </summary>
    internal static class LayerPass
    {
        /// <summary>z = input W^T + b, then a = f(z); one row per sample.</summary>
        public static void Forward<T>(in LayerParameters<T> layer, in MatrixOperand<T> input, int rows, T[] z, T[] a,
            KernelPath path, int threads) where T : unmanaged
        {
            Gemm.Multiply(rows, layer.OutputSize, layer.InputSize, 1.0, input, MatrixOperand.TransposeOf(layer.Weights, layer.InputSize),
                z, 0, layer.OutputSize, path, threads);
            ElementWise.AddBias(z, rows, layer.OutputSize, layer.Biases, layer.BiasMode, path);
            ElementWise.Forward(layer.Activation, z, a, rows, layer.OutputSize, path);
        }

        /// <summary>
        /// dW = scale delta^T input and db = scale (the deltas summed over samples): with scale = 1 / rows, the
        /// gradients of the batch's mean loss.
        /// </summary>
        public static void Gradients<T>(in LayerParameters<T> layer, T[] delta, in MatrixOperand<T> input, int rows, double scale,
            T[] weightGradient, T[] biasGradient, KernelPath path, int threads) where T : unmanaged
        {
            Gemm.Multiply(layer.OutputSize, layer.InputSize, rows, scale, MatrixOperand.TransposeOf(delta, layer.OutputSize), input,
                weightGradient, 0, layer.InputSize, path, threads);
            ElementWise.BiasGradient(delta, rows, layer.OutputSize, layer.BiasMode, scale, biasGradient, path);
        }

        /// <summary>
        /// The deltas of the layer below: dL/da_below = delta W, then through the activation of the layer below
        /// (whose pre-activations and activations are <paramref name="zBelow"/> and <paramref name="aBelow"/>).
        /// </summary>
        public static void DeltaBelow<T>(in LayerParameters<T> layer, T[] delta, int rows, Activation below, T[] zBelow,
            T[] aBelow, T[] dA, T[] deltaBelow, KernelPath path, int threads) where T : unmanaged
        {
            Gemm.Multiply(rows, layer.InputSize, layer.OutputSize, 1.0, MatrixOperand.Rows(delta, layer.OutputSize),
                MatrixOperand.Rows(layer.Weights, layer.InputSize), dA, 0, layer.InputSize, path, threads);
            ElementWise.Backward(below, zBelow, aBelow, dA, deltaBelow, rows, layer.InputSize, path);
        }
    }
}
