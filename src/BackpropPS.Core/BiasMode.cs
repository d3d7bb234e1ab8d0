namespace BackpropPS.Core
{
    /// <summary>How many biases a layer has.</summary>
    public enum BiasMode
    {
        /// <summary>One bias per neuron (the usual).</summary>
        PerNeuron,
        /// <summary>One bias shared by every neuron of the layer (the seed example's); its gradient is the sum of the layer's deltas.</summary>
        Shared,
        /// <summary>No bias.</summary>
        None,
    }
}
