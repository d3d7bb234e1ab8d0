namespace BackpropPS.Core
{
    /// <summary>The floating-point type numbers are computed and stored in.</summary>
    public enum Precision
    {
        /// <summary>32-bit floating point (float, PyTorch's float32): about 7 significant digits.</summary>
        Single,
        /// <summary>64-bit floating point (double, PyTorch's float64): about 16 significant digits.</summary>
        Double,
    }
}
