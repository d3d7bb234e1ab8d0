namespace BackpropPS.Core
{
    /// <summary>Whether a parameter row is a weight or a bias.</summary>
    public enum ParameterKind
    {
        /// <summary>A weight from an input (or a neuron of the layer below) into a neuron.</summary>
        Weight,
        /// <summary>A bias, per neuron or shared by a layer.</summary>
        Bias,
    }
}
