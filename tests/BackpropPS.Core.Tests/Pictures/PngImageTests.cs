using System.Linq;
using System.Text;
using BackpropPS.Core.Pictures;
using static BackpropPS.Core.Tests.Pictures.PngChunks;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>The PNG encoder: its checksums, and a valid file whose pixels inflate back unchanged.</summary>
public class PngImageTests
{
    [Fact]
    public void PngChecksums_MatchTheirPublishedCheckValues()
    {
        // CRC-32 of "123456789" is CBF43926 (ISO 3309); Adler-32 of "Wikipedia" is 11E60398 (RFC 1950's example).
        Assert.Equal(0xCBF43926u, PngImage.Crc(0xFFFFFFFFu, Encoding.ASCII.GetBytes("123456789")) ^ 0xFFFFFFFFu);
        Assert.Equal(0x11E60398u, PngImage.Adler32(Encoding.ASCII.GetBytes("Wikipedia")));
    }

    [Fact]
    public void Png_IsAValidFileWhosePixelsInflateBackUnchanged()
    {
        const int width = 3, height = 2;
        byte[] rgb = Enumerable.Range(0, 3 * width * height).Select(k => (byte)(k * 13)).ToArray();
        byte[] png = PngImage.Encode(width, height, rgb);
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png.Take(8));
        var chunks = Chunks(png);
        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, chunks.Select(c => c.Type));
        byte[] header = chunks[0].Data;
        Assert.Equal(width, BigEndian(header, 0));
        Assert.Equal(height, BigEndian(header, 4));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, header.Skip(8));
        byte[] zlib = chunks[1].Data;
        Assert.Equal(0, ((zlib[0] << 8) | zlib[1]) % 31);   // a valid zlib header
        byte[] raw = Inflate(zlib);
        Assert.Equal((uint)BigEndian(zlib, zlib.Length - 4), PngImage.Adler32(raw));
        for (int row = 0; row < height; row++)
        {
            Assert.Equal(0, raw[row * (3 * width + 1)]);   // filter None
            Assert.Equal(rgb.Skip(row * 3 * width).Take(3 * width), raw.Skip(row * (3 * width + 1) + 1).Take(3 * width));
        }
    }
}
