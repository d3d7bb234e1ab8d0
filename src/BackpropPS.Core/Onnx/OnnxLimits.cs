namespace BackpropPS.Core.Onnx
{
    /// <summary>
    /// The caps on what an ONNX file may make the module read or hold, checked before anything is allocated. No
    /// honest network comes near them: Fashion-MNIST's 784-256-128-10 network is a 1.9 MB model of 235,146 numbers
    /// and 6 nodes.
    /// </summary>
    public static class OnnxLimits
    {
        /// <summary>The largest file read: 256 MB, a float64 network of 33 million numbers (OnnxFileTooLarge).</summary>
        public const long MaxFileBytes = 256L << 20;

        /// <summary>The most nodes a graph may have: 1,000, a network of 300 layers and more (OnnxGraphTooLarge).</summary>
        public const int MaxNodes = 1000;

        /// <summary>The most initializers (weight tensors) a graph may have: 1,000 (OnnxGraphTooLarge).</summary>
        public const int MaxInitializers = 1000;

        /// <summary>
        /// The most values one tensor may declare: 2^25 (33,554,432), as many as the largest file holds in float64
        /// (OnnxTensorTooLarge). A tensor's declared size is checked against this before its data is looked at.
        /// </summary>
        public const long MaxTensorValues = 1L << 25;

        /// <summary>The most dimensions a tensor or a value's shape may have: 8 (UnsupportedOnnxShape beyond).</summary>
        public const int MaxRank = 8;
    }
}
