namespace BackpropPS.Core.Explain
{
    /// <summary>
    /// Why one weight's gradient in a one-sample step is as large or small as it is: its three chain-rule factors
    /// (Gradient = Downstream * ActivationDerivative * Input), each also as a ratio to its typical size in the step
    /// (the median of that factor's size over all the network's weights), and the factor furthest below typical.
    /// </summary>
    public sealed class GradientFactor
    {
        internal GradientFactor() { }

        /// <summary>The seed-style name of the weight, e.g. w1_21.</summary>
        public string Name { get; internal set; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; internal set; }

        /// <summary>The input (or neuron of the layer below) the weight comes from, from 1.</summary>
        public int From { get; internal set; }

        /// <summary>The neuron it feeds, from 1.</summary>
        public int To { get; internal set; }

        /// <summary>dE/dw: the product of the three factors.</summary>
        public double Gradient { get; internal set; }

        /// <summary>dE/da of the neuron fed: the downstream sum in a hidden layer, the loss derivative in the output layer (dE/dz itself in a Softmax layer).</summary>
        public double Downstream { get; internal set; }

        /// <summary>da/dz of the neuron fed; empty in a Softmax layer, whose derivative is a Jacobian (Downstream is then the delta).</summary>
        public double? ActivationDerivative { get; internal set; }

        /// <summary>The input (or activation below) the weight multiplies.</summary>
        public double Input { get; internal set; }

        /// <summary>|Downstream| over its median size among the step's weights.</summary>
        public double DownstreamRatio { get; internal set; }

        /// <summary>|ActivationDerivative| over its median size among the step's weights.</summary>
        public double? DerivativeRatio { get; internal set; }

        /// <summary>|Input| over its median size among the step's weights.</summary>
        public double InputRatio { get; internal set; }

        /// <summary>The factor with the smallest ratio: Downstream, ActivationDerivative or Input.</summary>
        public string SmallestFactor { get; internal set; }

        /// <summary>The reason in words, e.g. "the downstream sum: dE/da = 1.2e-06, 0.0004 times its typical size 0.0031".</summary>
        public string Reason { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: {Reason}";
    }
}
