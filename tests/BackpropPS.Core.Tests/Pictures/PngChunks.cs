using System.IO.Compression;
using System.IO;
using System.Linq;
using System.Text;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Reading a PNG back: its chunks (each CRC checked), its zlib stream inflated, its big-endian integers.</summary>
internal static class PngChunks
{
    /// <summary>The chunks of <paramref name="png"/> after its signature, asserting each chunk's CRC.</summary>
    public static (string Type, byte[] Data)[] Chunks(byte[] png)
    {
        var chunks = new System.Collections.Generic.List<(string, byte[])>();
        for (int at = 8; at < png.Length;)
        {
            int length = BigEndian(png, at);
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            byte[] data = png.Skip(at + 8).Take(length).ToArray();
            uint crc = PngImage.Crc(0xFFFFFFFFu, png.Skip(at + 4).Take(4 + length).ToArray()) ^ 0xFFFFFFFFu;
            Assert.Equal(crc, (uint)BigEndian(png, at + 8 + length));
            chunks.Add((type, data));
            at += 12 + length;
        }
        return chunks.ToArray();
    }

    /// <summary>A zlib stream's data: its deflate body between the 2-byte header and the 4-byte Adler-32.</summary>
    public static byte[] Inflate(byte[] zlib)
    {
        using var deflated = new MemoryStream(zlib, 2, zlib.Length - 6);
        using var inflate = new DeflateStream(deflated, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        return raw.ToArray();
    }

    /// <summary>The big-endian 32-bit integer at <paramref name="at"/>.</summary>
    public static int BigEndian(byte[] data, int at) => (data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3];
}
