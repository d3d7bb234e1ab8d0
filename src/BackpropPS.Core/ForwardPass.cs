namespace BackpropPS.Core
{
    /// <summary>
    /// The result of running a network on a batch: each layer's pre-activations z and activations a,
    /// one row per sample. Immutable.
    /// </summary>
    public sealed class ForwardPass
    {
        internal ForwardPass(Network network, Matrix input, Matrix[] z, Matrix[] a)
        {
            Network = network;
            Input = input;
            Z = z;
            A = a;
        }

        /// <summary>The network that was run.</summary>
        public Network Network { get; }

        /// <summary>The inputs, one row per sample.</summary>
        public Matrix Input { get; }

        /// <summary>Number of samples.</summary>
        public int SampleCount => Input.Rows;

        /// <summary>Per layer (from 0), the pre-activations z = W a_prev + b, one row per sample.</summary>
        public IReadOnlyList<Matrix> Z { get; }

        /// <summary>Per layer (from 0), the activations a = f(z), one row per sample.</summary>
        public IReadOnlyList<Matrix> A { get; }

        /// <summary>The last layer's activations: the network's predictions, one row per sample.</summary>
        public Matrix Output => A[A.Count - 1];

        /// <summary>The activations feeding layer <paramref name="layer"/> (from 0): the input for the first.</summary>
        public Matrix InputTo(int layer) => layer == 0 ? Input : A[layer - 1];

        /// <inheritdoc />
        public override string ToString() => Output.ToString();
    }
}
