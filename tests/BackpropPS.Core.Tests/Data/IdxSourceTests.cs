using System;
using System.IO;
using System.Linq;
using BackpropPS.Core.Data;
using static BackpropPS.Core.Tests.Data.IdxBytes;

namespace BackpropPS.Core.Tests.Data;

/// <summary>
/// What an IDX file holds, plain or as one gzip member: nothing may follow the data, in the file or after the
/// member, and a member must be whole (its CRC and length as its trailer says), whatever the header's options.
/// </summary>
public sealed class IdxSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idx-source-").FullName;
    private int _files;

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(byte[] bytes)
    {
        string path = Path.Combine(_folder, "f" + _files++);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly byte[] Labels = Enumerable.Range(0, 1000).Select(i => (byte)(i % 10)).ToArray();
    private static readonly byte[] LabelFile = Idx(new[] { 1000 }, Labels);

    private BackpropException Refused(byte[] bytes)
    {
        string path = Write(bytes);
        var e = Assert.Throws<BackpropException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        return e;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    // A gzip member of no data, as `printf '' | gzip` writes it: header, an empty final stored block, CRC 0, length 0.
    private static readonly byte[] EmptyMember = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    [InlineData(70_000)]
    public void BytesAfterTheGzipMemberAreRefused(int junk)
    {
        var random = new Random(junk);
        var noise = new byte[junk];
        random.NextBytes(noise);
        foreach (byte[] tail in new[] { noise, new byte[junk] })
        {
            var e = Refused(Concat(Gzip(LabelFile), tail));
            Assert.Equal("InvalidIdxFile", e.ErrorId);
            Assert.Contains("goes on after the end of its gzip data", e.Message);
        }
    }

    [Fact]
    public void ASecondGzipMemberIsRefusedEmptyOrNot()
    {
        Assert.Contains("goes on after the end of its gzip data", Refused(Concat(Gzip(LabelFile), EmptyMember)).Message);
        // The values split over two members, as `cat a.gz b.gz` makes: gunzip would join them; the module does not.
        byte[] split = Concat(Gzip(LabelFile.Take(500).ToArray()), Gzip(LabelFile.Skip(500).ToArray()));
        Assert.Contains("goes on after the end of its gzip data", Refused(split).Message);
        Assert.Contains("goes on after the end of its gzip data", Refused(Concat(EmptyMember, Gzip(LabelFile))).Message);
    }

    [Fact]
    public void BytesAfterThePlainValuesAreRefusedWithTheirCount()
    {
        var e = Refused(Concat(LabelFile, new byte[3]));
        Assert.Contains("it holds 1,003 values, more than the 1,000 its header declares", e.Message);
    }

    [Fact]
    public void EveryCutOfAGzipFileIsRefusedAsInvalid()
    {
        byte[] gz = Gzip(LabelFile);
        for (int length = 0; length < gz.Length; length++)
        {
            var e = Refused(gz.Take(length).ToArray());
            Assert.Equal("InvalidIdxFile", e.ErrorId);
        }
        IdxFile.Read(Write(gz)); // and the whole file is read
    }

    [Theory]
    [InlineData(-8, "cut short or damaged")] // a bit of the CRC
    [InlineData(-3, "cut short or damaged")] // a bit of the length
    [InlineData(12, "")]                     // a bit of the deflate data: damaged, or unpacking to other values
    public void AFlippedBitIsRefused(int at, string says)
    {
        byte[] gz = Gzip(LabelFile);
        gz[at < 0 ? gz.Length + at : at] ^= 0x10;
        var e = Refused(gz);
        Assert.Equal("InvalidIdxFile", e.ErrorId);
        Assert.Contains(says, e.Message);
    }

    [Fact]
    public void TheOptionalHeaderFieldsAreReadAndChecked()
    {
        byte[] gz = Gzip(LabelFile);
        byte[] body = gz.Skip(10).ToArray();
        byte[] header = gz.Take(10).ToArray();
        header[3] = 0x04 | 0x08 | 0x10 | 0x02; // FEXTRA, FNAME, FCOMMENT, FHCRC
        byte[] fields = Concat(header, new byte[] { 3, 0, 9, 9, 9 }, "name\0"u8.ToArray(), "a comment\0"u8.ToArray());
        var crc = new Crc32();
        crc.Add(fields, 0, fields.Length);
        byte[] headerCrc = { (byte)crc.Value, (byte)(crc.Value >> 8) };
        Assert.Equal(Labels, IdxFile.Read(Write(Concat(fields, headerCrc, body))).Values);
        headerCrc[0] ^= 1;
        Assert.Contains("its gzip header is damaged", Refused(Concat(fields, headerCrc, body)).Message);
    }

    [Theory]
    [InlineData(3, 0x20, "reserved flags")]
    [InlineData(2, 7, "compression method is 7; expected 8")]
    public void AnUnknownGzipHeaderIsRefused(int at, byte value, string says)
    {
        byte[] gz = Gzip(LabelFile);
        gz[at] = value;
        Assert.Contains(says, Refused(gz).Message);
    }

    [Fact]
    public void AGzipFileWhoseContentIsShorterThanAHeaderSaysSo()
    {
        Assert.Contains("it holds 3 bytes, fewer than an IDX header", Refused(Gzip(new byte[] { 0, 0, 8 })).Message);
        Assert.Contains("it ends inside its header", Refused(Gzip(new byte[] { 0, 0, 8, 3, 0, 0, 0, 1 })).Message);
    }
}
