using System;
using System.Linq;
using System.Text;
using BackpropPS.Core.Data;
using static BackpropPS.Core.Tests.Data.IdxBytes;

namespace BackpropPS.Core.Tests.Data;

/// <summary>The CRC-32 that checks a gzip trailer: the standard check value, and gzip's own for every length and split.</summary>
public sealed class Crc32Tests
{
    [Fact]
    public void GivesTheStandardCheckValue()
    {
        var crc = new Crc32();
        byte[] text = Encoding.ASCII.GetBytes("123456789");
        crc.Add(text, 0, text.Length);
        Assert.Equal(0xCBF43926u, crc.Value);
        Assert.Equal(0u, new Crc32().Value);
    }

    [Fact]
    public void MatchesTheTrailerGzipWritesWhateverTheLengthAndTheSplit()
    {
        var random = new Random(3);
        foreach (int length in new[] { 1, 3, 4, 5, 17, 1000, 65537 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            byte[] gz = Gzip(data);
            uint expected = BitConverter.ToUInt32(gz, gz.Length - 8);
            var whole = new Crc32();
            whole.Add(data, 0, length);
            Assert.Equal(expected, whole.Value);
            // Added in pieces of odd sizes from odd offsets, as the reader adds blocks.
            var pieces = new Crc32();
            for (int at = 0, size = 1; at < length; at += size, size = size * 3 % 11 + 1) pieces.Add(data, at, Math.Min(size, length - at));
            Assert.Equal(expected, pieces.Value);
        }
    }
}
