namespace BackpropPS.Core.Data
{
    /// <summary>The built-in data sets.</summary>
    public enum DatasetName
    {
        /// <summary>The four rows of the XOR truth table.</summary>
        Xor,
        /// <summary>Fisher's Iris: 150 flowers, 4 measurements, 3 species (shipped with the module).</summary>
        Iris,
        /// <summary>A disc of one class inside a ring of the other (2-D).</summary>
        Circle,
        /// <summary>Two interleaved spiral arms (2-D).</summary>
        Spiral,
        /// <summary>Two Gaussian blobs (2-D).</summary>
        Gauss,
        /// <summary>Two interleaving half-moons (2-D).</summary>
        Moons,
        /// <summary>Handwritten digits 0-9, 8x8 pixels of 0-16 (1,797 images, UCI; shipped with the module).</summary>
        Digits,
        /// <summary>Zalando's Fashion-MNIST: 28x28 grey images of 10 kinds of clothing (60,000 + 10,000), read from IDX files.</summary>
        FashionMnist,
        /// <summary>The original MNIST handwritten digits, 28x28 (60,000 + 10,000), read from IDX files.</summary>
        Mnist,
    }
}
