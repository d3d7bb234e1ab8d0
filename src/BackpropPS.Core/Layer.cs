namespace BackpropPS.Core
{
    /// <summary>
    /// One fully-connected layer: z = W a_prev + b, a = f(z). Immutable.
    /// Weights are out x in, row-major: row j holds the weights into neuron j.
    /// </summary>
    public sealed class Layer
    {
        /// <summary>Creates a layer from copies of the given weights (out x in, row-major) and biases.</summary>
        /// <param name="inputSize">Number of inputs into the layer.</param>
        /// <param name="outputSize">Number of neurons.</param>
        /// <param name="weights">outputSize x inputSize values, row-major.</param>
        /// <param name="biases">outputSize values for PerNeuron, one for Shared, none for None.</param>
        /// <param name="activation">The layer's activation function.</param>
        /// <param name="biasMode">How many biases the layer has.</param>
        public Layer(int inputSize, int outputSize, IReadOnlyList<double> weights, IReadOnlyList<double> biases,
            Activation activation, BiasMode biasMode = BiasMode.PerNeuron)
            : this(inputSize, outputSize, weights?.ToArray(), biases?.ToArray() ?? new double[0], activation, biasMode, validate: true)
        {
        }

        private Layer(int inputSize, int outputSize, double[] weights, double[] biases, Activation activation,
            BiasMode biasMode, bool validate)
        {
            if (validate) Validate(inputSize, outputSize, weights, biases, activation, biasMode);
            InputSize = inputSize;
            OutputSize = outputSize;
            Activation = activation;
            BiasMode = biasMode;
            Weights = Matrix.Wrap(outputSize, inputSize, weights);
            Biases = Matrix.Wrap(1, biases.Length, biases);
        }

        /// <summary>Wraps arrays the caller gives up (already validated shapes); core code only.</summary>
        internal static Layer Wrap(Layer shape, double[] weights, double[] biases) =>
            new Layer(shape.InputSize, shape.OutputSize, weights, biases, shape.Activation, shape.BiasMode, validate: false);

        /// <summary>The shape and the arrays themselves, for the passes; core code only.</summary>
        internal LayerParameters<double> Parameters => new LayerParameters<double>(InputSize, OutputSize, Activation, BiasMode, Weights.Data, Biases.Data);

        /// <summary>Number of inputs into the layer.</summary>
        public int InputSize { get; }

        /// <summary>Number of neurons in the layer.</summary>
        public int OutputSize { get; }

        /// <summary>The activation function.</summary>
        public Activation Activation { get; }

        /// <summary>How many biases the layer has.</summary>
        public BiasMode BiasMode { get; }

        /// <summary>OutputSize x InputSize; <c>Weights[j, i]</c> is the weight from input i into neuron j.</summary>
        public Matrix Weights { get; }

        /// <summary>The layer's biases: OutputSize of them for PerNeuron, one for Shared, none for None.</summary>
        public Matrix Biases { get; }

        /// <summary>Number of weights and biases.</summary>
        public int ParameterCount => Weights.Count + Biases.Count;

        /// <summary>The bias added to neuron <paramref name="neuron"/> (from 0), whatever the bias mode.</summary>
        public double BiasOf(int neuron)
        {
            if ((uint)neuron >= (uint)OutputSize) throw new ArgumentOutOfRangeException(nameof(neuron));
            return BiasMode == BiasMode.PerNeuron ? Biases.Data[neuron]
                : BiasMode == BiasMode.Shared ? Biases.Data[0]
                : 0.0;
        }

        /// <summary>How many biases a layer of <paramref name="outputSize"/> neurons has in <paramref name="mode"/>.</summary>
        public static int BiasCount(BiasMode mode, int outputSize) =>
            mode == BiasMode.PerNeuron ? outputSize : mode == BiasMode.Shared ? 1 : 0;

        /// <inheritdoc />
        public override string ToString() => $"{InputSize} -> {OutputSize} {Activation} ({BiasMode} bias)";

        private static void Validate(int inputSize, int outputSize, double[] weights, double[] biases,
            Activation activation, BiasMode biasMode)
        {
            if (inputSize < 1 || outputSize < 1)
            {
                throw BackpropException.Argument("InvalidLayerSize",
                    $"A layer needs at least one input and one neuron; got {inputSize} inputs and {outputSize} neurons.");
            }
            if (!Enum.IsDefined(typeof(Activation), activation))
                throw BackpropException.Argument("UnknownActivation", $"Unknown activation '{activation}'.");
            if (!Enum.IsDefined(typeof(BiasMode), biasMode))
                throw BackpropException.Argument("UnknownBiasMode", $"Unknown bias mode '{biasMode}'.");
            if (weights == null || weights.Length != (long)inputSize * outputSize)
            {
                throw BackpropException.Argument("WeightShapeMismatch",
                    $"A layer of {outputSize} neurons with {inputSize} inputs needs {Wording.Number((long)inputSize * outputSize)} weights; got {weights?.Length ?? 0}.");
            }
            int biasCount = BiasCount(biasMode, outputSize);
            if (biases.Length != biasCount)
            {
                throw BackpropException.Argument("BiasShapeMismatch",
                    $"A {biasMode} bias for {outputSize} neurons needs {biasCount} values; got {biases.Length}.");
            }
            if (weights.Concat(biases).Any(v => double.IsNaN(v) || double.IsInfinity(v)))
                throw BackpropException.Argument("NonFiniteParameter", "Weights and biases must be finite numbers (no NaN or infinity).");
        }
    }
}
