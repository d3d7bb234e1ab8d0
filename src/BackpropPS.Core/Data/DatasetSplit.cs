namespace BackpropPS.Core.Data
{
    /// <summary>The part of an image data set: the published training or test images.</summary>
    public enum DatasetSplit
    {
        /// <summary>The training part (60,000 images for MNIST and Fashion-MNIST; 80 % of Digits).</summary>
        Train,
        /// <summary>The test part (10,000 images for MNIST and Fashion-MNIST; 20 % of Digits).</summary>
        Test,
    }
}
