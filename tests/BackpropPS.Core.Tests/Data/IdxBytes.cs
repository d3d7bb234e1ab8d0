using System;
using System.Collections.Generic;
using System.IO.Compression;
using System.IO;
using System.Linq;

namespace BackpropPS.Core.Tests.Data;

/// <summary>IDX files as bytes, plain or gzipped, for the tests that read them.</summary>
internal static class IdxBytes
{
    /// <summary>IDX bytes: magic 0 0, type 0x08, the rank, big-endian sizes, then <paramref name="values"/>.</summary>
    public static byte[] Idx(int[] dimensions, byte[] values, byte type = 0x08) =>
        Header(dimensions.Select(d => (long)d).ToArray(), type).Concat(values).ToArray();

    /// <summary>An IDX header alone, with sizes as written (up to 2^32 - 1, beyond what an int holds).</summary>
    public static byte[] Header(long[] dimensions, byte type = 0x08)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)dimensions.Length };
        foreach (long d in dimensions) bytes.AddRange(new[] { (byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d });
        return bytes.ToArray();
    }

    /// <summary>The bytes gzipped, as the published files come.</summary>
    public static byte[] Gzip(byte[] bytes) => Gzip(bytes, 0);

    /// <summary>
    /// <paramref name="header"/> then <paramref name="zeros"/> zero bytes, gzipped as a stream (nothing that large
    /// is held in memory): a gzip bomb when the zeros are many, at about a thousand to one.
    /// </summary>
    public static byte[] Gzip(byte[] header, long zeros)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(header, 0, header.Length);
            var block = new byte[1 << 16];
            for (long left = zeros; left > 0; left -= block.Length) gzip.Write(block, 0, (int)Math.Min(block.Length, left));
        }
        return output.ToArray();
    }

    /// <summary>
    /// <paramref name="gzip"/> with a name field (FNAME, RFC 1952) of <paramref name="nameLength"/> letters in its
    /// header: the same content in a longer file.
    /// </summary>
    public static byte[] WithName(byte[] gzip, int nameLength)
    {
        var bytes = gzip.Take(10).ToArray();
        bytes[3] |= 0x08;
        return bytes.Concat(Enumerable.Repeat((byte)'a', nameLength)).Concat(new byte[] { 0 }).Concat(gzip.Skip(10)).ToArray();
    }
}
