namespace BackpropPS.Core
{
    /// <summary>The floating-point type numbers are stored or computed in.</summary>
    public enum Precision
    {
        /// <summary>32-bit floats (float32): what most runtimes and GPUs use, about 7 significant digits.</summary>
        Single,
        /// <summary>64-bit doubles (float64): what every object of the module holds, about 16 significant digits.</summary>
        Double,
    }
}
