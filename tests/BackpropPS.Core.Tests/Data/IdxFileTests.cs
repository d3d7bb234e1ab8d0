using System.IO;
using System.Linq;
using System;
using System.Threading;
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
        { "empty", new byte[0], "it has 0 bytes, fewer than an IDX header" },
        { "wrong magic", new byte[] { 1, 0, 8, 1, 0, 0, 0, 1, 5 }, "magic number" },
        { "int32 values", Idx(new[] { 1 }, new byte[4], type: 0x0C), "type 0x0c" },
        { "rank 0", new byte[] { 0, 0, 8, 0, 0, 0, 0, 0 }, "0 dimensions" },
        { "rank 4", Idx(new[] { 1, 1, 1, 1 }, new byte[1]), "4 dimensions" },
        { "header cut", new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0 }, "ends inside its header" },
        { "gzipped and truncated", Gzip(Idx(new[] { 2, 2, 3 }, TwoImages.Take(5).ToArray())), "it holds 5 values, fewer than the 12 (2 x 2 x 3) its header declares" },
        { "size 0", Idx(new[] { 0 }, new byte[0]), "dimension 1 has size 0" },
        { "size 2^32 - 1", Header(new[] { 0xFFFFFFFFL }), "dimension 1 has size 4,294,967,295; expected 1 to 2,147,483,647" },
        { "truncated", Idx(new[] { 2, 2, 3 }, TwoImages.Take(11).ToArray()), "it holds 11 values, fewer than the 12 (2 x 2 x 3) its header declares" },
        { "extra bytes", Idx(new[] { 2, 2, 3 }, TwoImages.Concat(new byte[] { 7 }).ToArray()), "it holds 13 values, more than the 12 (2 x 2 x 3) its header declares" },
        { "gzipped with extra bytes", Gzip(Idx(new[] { 2, 2, 3 }, TwoImages.Concat(new byte[] { 7 }).ToArray())), "it holds more values than the 12 (2 x 2 x 3) its header declares" },
        { "not gzip after all", new byte[] { 0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "compression method is 1" },
        { "gzip of junk", Gzip(new byte[] { 0x1f, 0x8b, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9 }), "magic number" },
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
        Assert.Contains("cut short or damaged", e.Message);
    }

    // Headers whose sizes overflow an int or a long when multiplied, or are more than the module reads: each is
    // refused from the header alone, in the file's own numbers, plain or gzipped, before any value is read.
    public static TheoryData<long[], string> HeadersTooLarge() => new()
    {
        { new[] { 1L, 65536, 65537 }, "its items have 4,295,032,832 values each (65,536 x 65,537); the module reads at most 1,048,576" },
        { new[] { 1L, 65536, 65536 }, "its items have 4,294,967,296 values each" },
        { new[] { 1L, 46341, 46341 }, "its items have 2,147,488,281 values each" },
        { new[] { 2147483647L, 2147483647, 2147483647 }, "its items have 4,611,686,014,132,420,609 values each" },
        { new[] { 1L, 1025, 1024 }, "its items have 1,049,600 values each" },
        { new[] { 2147483647L }, "its header declares 2,147,483,647 values, more than one array holds (2,147,483,591)" },
        { new[] { 2147483647L, 1, 1 }, "its header declares 2,147,483,647 (2,147,483,647 x 1 x 1) values, more than one array holds" },
        { new[] { 2048L, 1024, 1024 }, "its header declares 2,147,483,648 (2,048 x 1,024 x 1,024) values, more than one array holds" },
    };

    [Theory]
    [MemberData(nameof(HeadersTooLarge))]
    public void AHeaderDeclaringMoreThanTheModuleReadsIsRefusedFromTheHeader(long[] dimensions, string why)
    {
        foreach (byte[] bytes in new[] { Header(dimensions), Gzip(Header(dimensions)), Header(dimensions).Concat(new byte[1000]).ToArray() })
        {
            string path = Write("large", bytes);
            foreach (Func<IdxFile> read in new Func<IdxFile>[] { () => IdxFile.Read(path), () => IdxFile.ReadMatrix(path, 255), () => IdxFile.ReadHeader(path) })
            {
                var e = Assert.Throws<BackpropException>(read);
                Assert.Equal("IdxFileTooLarge", e.ErrorId);
                Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
                Assert.Contains(why, e.Message);
            }
        }
    }

    [Fact]
    public void ImagesOfTheLargestSizeAreRead()
    {
        string path = Write("1024", Idx(new[] { 1, 1024, 1024 }, Enumerable.Range(0, 1 << 20).Select(i => (byte)i).ToArray()));
        Matrix m = IdxFile.ReadMatrix(path, 255).Matrix;
        Assert.Equal(1 << 20, m.Columns);
        Assert.Equal(255 / 255.0, m[255]);
    }

    [Fact]
    public void AFileHoldingFarLessThanItsHeaderDeclaresSaysHowMuchItHolds()
    {
        // 200,000 random values (they do not compress) under a header declaring 20 million: within the unpacking
        // limit, so it is read, in blocks as they come, until the gzip data ends.
        var values = new byte[200_000];
        new Random(1).NextBytes(values);
        string path = Write("liar", Gzip(Header(new[] { 25L, 1000, 800 }).Concat(values).ToArray()));
        var e = Assert.Throws<BackpropException>(() => IdxFile.ReadMatrix(path, 255));
        Assert.Equal("InvalidIdxFile", e.ErrorId);
        Assert.Contains("it holds 200,000 values, fewer than the 20,000,000 (25 x 1,000 x 800) its header declares", e.Message);
    }

    [Theory]
    [InlineData(20_000, 20_000 * 784L)]  // a bomb: every declared value there, as zeros
    [InlineData(2_700_000, 1L << 20)]   // declares 2.7 million images, holds a megabyte
    public void AGzipFileDeclaringFarMoreThanItsSizeIsRefusedUnread(int images, long zeros)
    {
        byte[] bomb = Gzip(Header(new[] { (long)images, 28, 28 }), zeros);
        Assert.True(bomb.Length < 20_000, "gzip packs zeros a thousand to one");
        string path = Write("bomb.gz", bomb);
        // With memory enough for what it declares (the memory limit is the first check, and a machine may have it).
        var e = Assert.Throws<BackpropException>(() => IdxFile.ReadMatrix(path, 255, long.MaxValue, CancellationToken.None));
        Assert.Equal("IdxFileTooCompressed", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains($"declares {Wording.Number(images * 784L)} ({Wording.Number(images)} x 28 x 28) values", e.Message);
        Assert.Contains("at most 100 times its size", e.Message);
        Assert.Equal("IdxFileTooCompressed", Assert.Throws<BackpropException>(() => IdxFile.Read(path, long.MaxValue, CancellationToken.None)).ErrorId);
        // The header alone is fine: the limit is on unpacking the values.
        Assert.Equal(new[] { images, 28, 28 }, IdxFile.ReadHeader(path).Dimensions);
    }

    [Fact]
    public void AGzipFileMayUnpackToAHundredTimesItsSizeAndNoMore()
    {
        // 2 MB of zeros under a 16-byte header: 2,097,168 bytes to unpack, so a file of 20,972 bytes may hold them and
        // one of 20,971 may not. The gzip name field (FNAME) sets the file's length to the byte.
        byte[] header = Header(new[] { 2048L, 32, 32 });
        byte[] gz = Gzip(header, 2048 * 1024);
        string fits = Write("fits.gz", WithName(gz, 20_972 - gz.Length - 1));
        string over = Write("over.gz", WithName(gz, 20_971 - gz.Length - 1));
        Assert.Equal(20_972, new FileInfo(fits).Length);
        Assert.Equal(2048, IdxFile.ReadMatrix(fits, 255).Matrix.Rows);
        Assert.Equal("IdxFileTooCompressed", Assert.Throws<BackpropException>(() => IdxFile.ReadMatrix(over, 255)).ErrorId);
    }

    [Fact]
    public void ASmallFileMayUnpackToOneMegabyteWhateverItsRatio()
    {
        // A label file of one class compresses far beyond 100 to 1; up to 1 MB unpacked, that is allowed.
        string fits = Write("one-class.gz", Gzip(Header(new[] { (1L << 20) - 8 }), (1L << 20) - 8));
        Assert.Equal((1 << 20) - 8, IdxFile.Read(fits).Values.Length);
        string over = Write("one-class-more.gz", Gzip(Header(new[] { (1L << 20) - 7 }), (1L << 20) - 7));
        Assert.Equal("IdxFileTooCompressed", Assert.Throws<BackpropException>(() => IdxFile.Read(over)).ErrorId);
    }

    [Fact]
    public void ValuesBeyondTheMemoryTheProcessMayUseAreRefusedNamingBothSizes()
    {
        string path = Write("images", Idx(new[] { 2, 2, 3 }, TwoImages));
        // 12 values: 12 bytes as read, 96 as doubles.
        var e = Assert.Throws<BackpropException>(() => IdxFile.ReadMatrix(path, 255, 107, CancellationToken.None));
        Assert.Equal("DatasetTooLarge", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains($"Reading '{path}' (2 x 2 x 3 values) as doubles would need 108 bytes of memory", e.Message);
        Assert.Contains("107 bytes", e.Message);
        Assert.Equal(2, IdxFile.ReadMatrix(path, 255, 108, CancellationToken.None).Count);
        Assert.Equal("DatasetTooLarge", Assert.Throws<BackpropException>(() => IdxFile.Read(path, 23, CancellationToken.None)).ErrorId);
        Assert.Equal(12, IdxFile.Read(path, 24, CancellationToken.None).Values.Length);
    }

    [Fact]
    public void TheMemoryLimitIsWhatTheRuntimeSaysOrAFixedGigabyte()
    {
#if CORE_NETSTANDARD
        Assert.Equal(1L << 30, Validation.MemoryLimit);
#else
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, Validation.MemoryLimit);
#endif
    }

    [Fact]
    public void AStoppedReadStopsBeforeTheValues()
    {
        string path = Write("images", Idx(new[] { 2, 2, 3 }, TwoImages));
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => IdxFile.ReadMatrix(path, 255, stop.Token));
    }
}
