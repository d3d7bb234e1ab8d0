using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackpropPS.Core
{
    /// <summary>
    /// A network's fingerprint, to tell two networks apart at a glance: the first 32 bits of the SHA-256 of its
    /// layers (each layer's size, activation and bias mode, then the bits of every weight and bias, in file order),
    /// as 8 hex digits. The bits, not a decimal text, so it is the same in every edition, culture and machine, and
    /// after the network file, a job or Clixml. The schema (columns, labels, scaling) is not in it: it is about
    /// the numbers a step changes.
    /// </summary>
    internal static class NetworkFingerprint
    {
        // Hashed in pieces: a large network's parameters are never copied whole.
        private const int BufferBytes = 8 * 512;

        public static string Of(Network network)
        {
            using (SHA256 sha = SHA256.Create())
            {
                var buffer = new byte[BufferBytes];
                int used = 0;
                void Flush()
                {
                    sha.TransformBlock(buffer, 0, used, null, 0);
                    used = 0;
                }
                void Text(string text)
                {
                    Flush();
                    byte[] bytes = Encoding.UTF8.GetBytes(text);
                    sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
                }
                void Numbers(Matrix values)
                {
                    foreach (double value in values.Data)
                    {
                        if (used == buffer.Length) Flush();
                        // -0 counts as 0 (the two compute the same); little-endian whatever the machine.
                        long bits = BitConverter.DoubleToInt64Bits(value + 0.0);
                        for (int b = 0; b < 8; b++) buffer[used++] = (byte)(bits >> (8 * b));
                    }
                }

                Text("BackpropPS.Network 1\n");
                foreach (Layer layer in network.Layers)
                {
                    Text(string.Format(CultureInfo.InvariantCulture, "layer {0}x{1} {2} {3}\n", layer.InputSize, layer.OutputSize, layer.Activation, layer.BiasMode));
                    Numbers(layer.Weights);
                    Text("biases\n");
                    Numbers(layer.Biases);
                }
                Flush();
                sha.TransformFinalBlock(new byte[0], 0, 0);
                return string.Concat(sha.Hash.Take(4).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }
    }
}
