namespace BackpropPS.Commands
{
    /// <summary>Creates a network: randomly initialised from a seed, from explicit weights, or a built-in example.</summary>
    [Cmdlet(VerbsCommon.New, "BackpropNetwork", DefaultParameterSetName = RandomSet)]
    [OutputType(typeof(Network))]
    public sealed class NewBackpropNetworkCommand : BackpropCmdlet
    {
        private const string RandomSet = "LayerSize";
        private const string WeightSet = "Weight";
        private const string ExampleSet = "Example";

        /// <summary>Layer sizes from input to output, e.g. 2, 3, 1.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = RandomSet)]
        [ValidateNotNullOrEmpty]
        [WholeNumber]
        public int[] LayerSize { get; set; }

        /// <summary>One activation for every layer, or one per layer.</summary>
        [Parameter(ParameterSetName = RandomSet)]
        [Parameter(ParameterSetName = WeightSet)]
        [ValidateNotNullOrEmpty]
        public Activation[] Activation { get; set; } = { Core.Activation.Sigmoid };

        /// <summary>How many biases each layer has.</summary>
        [Parameter(ParameterSetName = RandomSet)]
        public BiasMode BiasMode { get; set; } = BiasMode.PerNeuron;

        /// <summary>How the random weights are drawn.</summary>
        [Parameter(ParameterSetName = RandomSet)]
        public Initialization Initialization { get; set; } = Initialization.Auto;

        /// <summary>The seed of the random weights; the same seed gives the same network everywhere.</summary>
        [Parameter(ParameterSetName = RandomSet)]
        [WholeNumber]
        public int Seed { get; set; }

        /// <summary>Per layer, its weights as rows (one per neuron) of one weight per input.</summary>
        [Parameter(Mandatory = true, ParameterSetName = WeightSet)]
        [ValidateNotNullOrEmpty]
        public object[] Weight { get; set; }

        /// <summary>Per layer, its bias: a number (shared), an array (one per neuron) or $null (none).</summary>
        [Parameter(ParameterSetName = WeightSet)]
        [AllowNull]
        public object[] Bias { get; set; }

        /// <summary>A built-in network.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExampleSet)]
        public NetworkExample Example { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            switch (ParameterSetName)
            {
                case ExampleSet:
                    WriteObject(NetworkFactory.StepByStep());
                    break;
                case WeightSet:
                    WriteObject(Run(FromWeights, Weight));
                    break;
                default:
                    WriteObject(Run(() => NetworkFactory.Random(LayerSize, Activation, BiasMode, Initialization, Seed), LayerSize));
                    break;
            }
        }

        private Network FromWeights()
        {
            var layerWeights = LayerWeights();
            int count = layerWeights.Count;
            if (Activation.Length != 1 && Activation.Length != count)
            {
                throw BackpropException.Argument("ActivationCountMismatch",
                    $"Expected one activation for all layers or one per layer ({count}); got {Activation.Length}.");
            }
            // A one-layer network's biases may be typed as a plain list, one per neuron, as its weights are.
            object[] layerBiases = count == 1 && Bias?.Length > 1 ? new object[] { Bias } : Bias;
            if (layerBiases != null && layerBiases.Length != count)
            {
                throw BackpropException.Argument("BiasCountMismatch",
                    $"Expected one -Bias entry per layer ({count}): a number, an array or $null; got {layerBiases.Length}.");
            }
            return new Network(Enumerable.Range(0, count).Select(l =>
                ToLayer(l, layerWeights[l], layerBiases?[l], Activation[Activation.Length == 1 ? 0 : l])));
        }

        // -Weight holds one matrix per layer. A lone matrix (rows of numbers) is a one-layer network, and a
        // flat list beside matrices is a one-neuron layer, so that people can type what they mean.
        private IList<object> LayerWeights()
        {
            var items = Weight.Select(NumericArgument.Unwrap).ToList();
            bool IsMatrix(object item) => NumericArgument.IsSequence(item) && NumericArgument.Items(item).Any(NumericArgument.IsSequence);
            return items.Any(IsMatrix) ? items : new List<object> { Weight };
        }

        private static Layer ToLayer(int l, object layerWeights, object layerBias, Activation activation)
        {
            Matrix weights = NumericArgument.ToBatch(layerWeights, nameof(Weight), $"weight row of layer {l + 1}");
            object bias = NumericArgument.Unwrap(layerBias);
            if (bias == null)
                return new Layer(weights.Columns, weights.Rows, weights, new double[0], activation, BiasMode.None);
            if (NumericArgument.IsSequence(bias))
            {
                var biases = NumericArgument.Items(bias).Select((b, j) => NumericArgument.ToDouble(b, nameof(Bias), $"layer {l + 1} bias {j + 1}")).ToArray();
                return new Layer(weights.Columns, weights.Rows, weights, biases, activation, BiasMode.PerNeuron);
            }
            double shared = NumericArgument.ToDouble(bias, nameof(Bias), $"the bias of layer {l + 1}");
            return new Layer(weights.Columns, weights.Rows, weights, new[] { shared }, activation, BiasMode.Shared);
        }
    }
}
