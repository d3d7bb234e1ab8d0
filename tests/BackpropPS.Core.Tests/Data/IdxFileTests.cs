using System.IO;
using System.Linq;
using System;
using BackpropPS.Core.Data;
using static BackpropPS.Core.Tests.Data.IdxBytes;

namespace BackpropPS.Core.Tests.Data;

/// <summary>The IDX reader on small files written here: plain and gzipped, and every way a file can be wrong.</summary>
public sealed class IdxFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idx-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly byte[] TwoImages = Enumerable.Range(0, 2 * 2 * 3).Select(i => (byte)(i * 20)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsImagesPlainOrGzippedByContent(bool gzipped)
    {
        byte[] bytes = Idx(new[] { 2, 2, 3 }, TwoImages);
        // The name says nothing: gzip is told by its magic bytes.
        string path = Write("images.bin", gzipped ? Gzip(bytes) : bytes);
        IdxFile file = IdxFile.ReadMatrix(path, 255);
        Assert.Equal(new[] { 2, 2, 3 }, file.Dimensions);
        Assert.Equal(2, file.Count);
        Assert.Equal(new[] { 2, 2, 3 }, IdxFile.ReadDimensions(path));
        Assert.Equal(TwoImages, IdxFile.Read(path).Values);
        Matrix m = file.Matrix;
        Assert.Equal(2, m.Rows);
        Assert.Equal(6, m.Columns);
        Assert.Equal(TwoImages.Select(b => b / 255.0), m.ToArray());
    }

    [Fact]
    public void ScalesEveryByteValueExactly()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        string path = Write("all", Idx(new[] { 1, 16, 16 }, all));
        Matrix m = IdxFile.ReadMatrix(path, 255).Matrix;
        for (int v = 0; v < 256; v++) Assert.Equal(v / 255.0, m[v]);
        Assert.Equal(0.0, m[0]);
        Assert.Equal(1.0, m[255]);
    }

    public static TheoryData<string, byte[], string> CorruptFiles() => new()
    {
        { "empty", new byte[0], "fewer than an IDX header" },
        { "wrong magic", new byte[] { 1, 0, 8, 1, 0, 0, 0, 1, 5 }, "magic number" },
        { "int32 values", Idx(new[] { 1 }, new byte[4], type: 0x0C), "type 0x0c" },
        { "rank 0", new byte[] { 0, 0, 8, 0 }, "0 dimensions" },
        { "rank 4", Idx(new[] { 1, 1, 1, 1 }, new byte[1]), "4 dimensions" },
        { "header cut", new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0 }, "ends inside its header" },
        { "gzipped and truncated", Gzip(Idx(new[] { 2, 2, 3 }, TwoImages.Take(5).ToArray())), "truncated" },
        { "size 0", Idx(new[] { 0 }, new byte[0]), "has size 0" },
        { "truncated", Idx(new[] { 2, 2, 3 }, TwoImages.Take(11).ToArray()), "truncated" },
        { "extra bytes", Idx(new[] { 2, 2, 3 }, TwoImages.Concat(new byte[] { 7 }).ToArray()), "more values than its header (2 x 2 x 3)" },
        { "not gzip after all", new byte[] { 0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "not a valid gzip file" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void ACorruptFileIsAnInvalidIdxFileSayingWhy(string name, byte[] bytes, string why)
    {
        string path = Write(name.Replace(' ', '-'), bytes);
        // Both ways of reading the values check the same things.
        Assert.Equal("InvalidIdxFile", Assert.Throws<BackpropException>(() => IdxFile.ReadMatrix(path, 255)).ErrorId);
        var e = Assert.Throws<BackpropException>(() => IdxFile.Read(path));
        Assert.Equal("InvalidIdxFile", e.ErrorId);
        Assert.Equal(BackpropErrorKind.InvalidData, e.Kind);
        Assert.Contains(path, e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void ATruncatedGzipIsAnInvalidIdxFile()
    {
        byte[] gz = Gzip(Idx(new[] { 2, 2, 3 }, TwoImages));
        string path = Write("cut.gz", gz.Take(gz.Length - 12).ToArray());
        var e = Assert.Throws<BackpropException>(() => IdxFile.Read(path));
        Assert.Equal("InvalidIdxFile", e.ErrorId);
    }
}
