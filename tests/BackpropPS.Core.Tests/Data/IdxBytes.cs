using System.Collections.Generic;
using System.IO.Compression;
using System.IO;

namespace BackpropPS.Core.Tests.Data;

/// <summary>IDX files as bytes, plain or gzipped, for the tests that read them.</summary>
internal static class IdxBytes
{
    /// <summary>IDX bytes: magic 0 0, type 0x08, the rank, big-endian sizes, then <paramref name="values"/>.</summary>
    public static byte[] Idx(int[] dimensions, byte[] values, byte type = 0x08)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)dimensions.Length };
        foreach (int d in dimensions) bytes.AddRange(new[] { (byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d });
        bytes.AddRange(values);
        return bytes.ToArray();
    }

    /// <summary>The bytes gzipped, as the published files come.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes, 0, bytes.Length);
        return output.ToArray();
    }
}
