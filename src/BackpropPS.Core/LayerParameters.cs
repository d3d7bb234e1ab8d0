namespace BackpropPS.Core
{
    /// <summary>
    /// A layer's shape and the arrays holding its parameters: those of an immutable <see cref="Layer"/>, or
    /// the ones a training workspace updates in place. Core code only; nothing here is copied.
    /// </summary>
    internal readonly struct LayerParameters
    {
        public readonly int InputSize, OutputSize;
        public readonly Activation Activation;
        public readonly BiasMode BiasMode;
        public readonly double[] Weights, Biases;

        public LayerParameters(int inputSize, int outputSize, Activation activation, BiasMode biasMode, double[] weights, double[] biases)
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
