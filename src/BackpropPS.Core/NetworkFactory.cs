namespace BackpropPS.Core
{
    /// <summary>Builds networks: randomly initialised from a seed, or the seed example's.</summary>
    public static class NetworkFactory
    {
        /// <summary>
        /// A network with the given layer sizes (input first), randomly initialised from <paramref name="seed"/>.
        /// <paramref name="activations"/> holds one activation for every layer or one per layer.
        /// </summary>
        public static Network Random(IReadOnlyList<int> layerSizes, IReadOnlyList<Activation> activations,
            BiasMode biasMode, Initialization initialization, long seed)
        {
            if (layerSizes == null || layerSizes.Count < 2 || layerSizes.Any(s => s < 1))
            {
                throw BackpropException.Argument("InvalidLayerSize",
                    $"Expected at least two layer sizes (inputs, then each layer's neurons), each at least 1; got {Describe(layerSizes)}.");
            }
            int layerCount = layerSizes.Count - 1;
            if (activations == null || (activations.Count != 1 && activations.Count != layerCount))
            {
                throw BackpropException.Argument("ActivationCountMismatch",
                    $"Expected one activation for all layers or one per layer ({layerCount}); got {activations?.Count ?? 0}.");
            }
            // Sizes are checked before anything is allocated: 65536 x 65536 would overflow an int, and a network
            // larger than memory should be refused with its size, not fail half-way with OutOfMemoryException.
            long parameters = 0;
            for (int l = 0; l < layerCount; l++)
                parameters += Validation.ArrayLength(layerSizes[l + 1], layerSizes[l], $"Layer {l + 1}'s weights", "NetworkTooLarge") + (long)layerSizes[l + 1];
            Validation.EnsureMemory(parameters, $"A {string.Join("-", layerSizes)} network", "NetworkTooLarge");
            var random = new SeededRandom(seed);
            var layers = new Layer[layerCount];
            for (int l = 0; l < layerCount; l++)
            {
                int inputs = layerSizes[l], outputs = layerSizes[l + 1];
                Activation activation = activations[activations.Count == 1 ? 0 : l];
                double limit = Limit(initialization, activation, inputs, outputs);
                var weights = new double[inputs * outputs];
                for (int k = 0; k < weights.Length; k++) weights[k] = random.NextDouble(-limit, limit);
                layers[l] = new Layer(inputs, outputs, weights, new double[Layer.BiasCount(biasMode, outputs)], activation, biasMode);
            }
            return new Network(layers);
        }

        /// <summary>The seed example's 2-2-2 sigmoid network with one shared bias per layer.</summary>
        public static Network StepByStep() => new Network(new[]
        {
            new Layer(2, 2, new[] { 0.15, 0.20, 0.25, 0.30 }, new[] { 0.35 }, Activation.Sigmoid, BiasMode.Shared),
            new Layer(2, 2, new[] { 0.40, 0.45, 0.50, 0.55 }, new[] { 0.60 }, Activation.Sigmoid, BiasMode.Shared),
        });

        private static double Limit(Initialization initialization, Activation activation, int inputs, int outputs)
        {
            if (initialization == Initialization.Auto)
            {
                initialization = activation == Activation.ReLU || activation == Activation.LeakyReLU
                    ? Initialization.He : Initialization.Xavier;
            }
            switch (initialization)
            {
                case Initialization.Xavier: return Math.Sqrt(6.0 / (inputs + outputs));
                case Initialization.He: return Math.Sqrt(6.0 / inputs);
                default: throw BackpropException.Argument("UnknownInitialization", $"Unknown initialization '{initialization}'.");
            }
        }

        private static string Describe(IReadOnlyList<int> sizes) =>
            sizes == null || sizes.Count == 0 ? "none" : string.Join(", ", sizes);
    }
}
