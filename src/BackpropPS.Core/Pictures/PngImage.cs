using System.IO;
using System.IO.Compression;
using System.Text;

namespace BackpropPS.Core.Pictures
{
    /// <summary>
    /// The smallest PNG encoder that does the job: 8-bit RGB, no interlace, filter None on every row, the pixels
    /// deflated by System.IO.Compression (in netstandard2.0 and every .NET) inside a zlib wrapper. A heat map of
    /// 200 x 200 points is then one image element of a few kilobytes instead of 40,000 rects.
    /// </summary>
    public static class PngImage
    {
        private static readonly byte[] Signature = { 137, 80, 78, 71, 13, 10, 26, 10 };
        private static readonly uint[] CrcTable = MakeCrcTable();

        /// <summary>The PNG file of <paramref name="rgb"/>: width x height pixels of three bytes each, the top row first.</summary>
        public static byte[] Encode(int width, int height, byte[] rgb)
        {
            if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), "Expected at least one pixel each way.");
            if (rgb == null || rgb.Length != 3 * width * height)
                throw new ArgumentException($"Expected {3 * width * height} bytes (RGB) for {width} x {height} pixels.", nameof(rgb));
            using (var file = new MemoryStream())
            {
                file.Write(Signature, 0, Signature.Length);
                var header = new byte[13];
                BigEndian(header, 0, (uint)width);
                BigEndian(header, 4, (uint)height);
                header[8] = 8;  // bits per channel
                header[9] = 2;  // colour type: RGB
                Chunk(file, "IHDR", header);
                Chunk(file, "IDAT", Zlib(width, height, rgb));
                Chunk(file, "IEND", new byte[0]);
                return file.ToArray();
            }
        }

        /// <summary>The PNG as a data: URI, for an SVG image element.</summary>
        public static string DataUri(int width, int height, byte[] rgb) => "data:image/png;base64," + Convert.ToBase64String(Encode(width, height, rgb));

        // zlib (RFC 1950): a two-byte header, the deflated scanlines (each led by its filter byte, 0), Adler-32.
        private static byte[] Zlib(int width, int height, byte[] rgb)
        {
            int stride = 3 * width;
            var raw = new byte[height * (stride + 1)];
            for (int row = 0; row < height; row++) Array.Copy(rgb, row * stride, raw, row * (stride + 1) + 1, stride);
            using (var output = new MemoryStream())
            {
                output.WriteByte(0x78);
                output.WriteByte(0x9C);
                using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(raw, 0, raw.Length);
                var check = new byte[4];
                BigEndian(check, 0, Adler32(raw));
                output.Write(check, 0, 4);
                return output.ToArray();
            }
        }

        private static void Chunk(Stream file, string type, byte[] data)
        {
            var length = new byte[4];
            BigEndian(length, 0, (uint)data.Length);
            file.Write(length, 0, 4);
            byte[] name = Encoding.ASCII.GetBytes(type);
            file.Write(name, 0, 4);
            file.Write(data, 0, data.Length);
            uint crc = Crc(0xFFFFFFFFu, name);
            crc = Crc(crc, data) ^ 0xFFFFFFFFu;
            var tail = new byte[4];
            BigEndian(tail, 0, crc);
            file.Write(tail, 0, 4);
        }

        internal static uint Adler32(byte[] data)
        {
            uint a = 1, b = 0;
            foreach (byte d in data)
            {
                a = (a + d) % 65521;
                b = (b + a) % 65521;
            }
            return (b << 16) | a;
        }

        /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in zip), of <paramref name="data"/> continuing from <paramref name="crc"/>.</summary>
        internal static uint Crc(uint crc, byte[] data)
        {
            foreach (byte d in data) crc = CrcTable[(crc ^ d) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        private static uint[] MakeCrcTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }

        private static void BigEndian(byte[] target, int offset, uint value)
        {
            target[offset] = (byte)(value >> 24);
            target[offset + 1] = (byte)(value >> 16);
            target[offset + 2] = (byte)(value >> 8);
            target[offset + 3] = (byte)value;
        }
    }
}
