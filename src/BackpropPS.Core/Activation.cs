namespace BackpropPS.Core
{
    /// <summary>The function a layer applies to its pre-activations z to give its activations a.</summary>
    public enum Activation
    {
        /// <summary>1 / (1 + e^-z).</summary>
        Sigmoid,
        /// <summary>tanh(z).</summary>
        Tanh,
        /// <summary>max(0, z); its derivative at 0 is taken as 0.</summary>
        ReLU,
        /// <summary>z above zero, 0.01 z below (PyTorch's default slope).</summary>
        LeakyReLU,
        /// <summary>z unchanged.</summary>
        Linear,
        /// <summary>e^z_k / sum_j e^z_j over the layer; backpropagated through its full Jacobian.</summary>
        Softmax,
    }
}
