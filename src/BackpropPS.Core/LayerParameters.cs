namespace BackpropPS.Core
{
    /// <summary>
    /// A layer's shape and the arrays holding its parameters: those of an immutable <see cref="Layer"/>, or
    /// the ones a training workspace updates in place (doubles, or floats in a float32 run). Core code only;
    /// nothing here is copied.
    /// </summary>
    internal readonly struct LayerParameters<T> where T : unmanaged
    {
        public readonly int InputSize, OutputSize;
        public readonly Activation Activation;
        public readonly BiasMode BiasMode;
        public readonly T[] Weights, Biases;

        public LayerParameters(int inputSize, int outputSize, Activation activation, BiasMode biasMode, T[] weights, T[] biases)
        {
            InputSize = inputSize;
            OutputSize = outputSize;
            Activation = activation;
            BiasMode = biasMode;
            Weights = weights;
            Biases = biases;
        }
    }
}
