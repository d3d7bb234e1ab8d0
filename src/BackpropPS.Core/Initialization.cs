namespace BackpropPS.Core
{
    /// <summary>How a new network's weights are drawn. Biases start at zero.</summary>
    public enum Initialization
    {
        /// <summary>He for ReLU and LeakyReLU layers, Xavier for the others.</summary>
        Auto,
        /// <summary>Glorot/Xavier uniform: U(-sqrt(6 / (in + out)), +sqrt(6 / (in + out))).</summary>
        Xavier,
        /// <summary>He/Kaiming uniform: U(-sqrt(6 / in), +sqrt(6 / in)).</summary>
        He,
    }
}
