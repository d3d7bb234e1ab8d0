using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using BackpropPS.Core.Data;

namespace BackpropPS.Core.Tests.Data;

/// <summary>Only regular files are opened: a folder, a pipe or a device is refused by its type, unopened.</summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regular-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [Fact]
    public void ARegularFileIsTaken()
    {
        string path = Path.Combine(_folder, "f");
        File.WriteAllBytes(path, new byte[5]);
        RegularFile.Ensure(path);
    }

    [Fact]
    public void AFolderIsRefused()
    {
        var e = Assert.Throws<BackpropException>(() => RegularFile.Ensure(_folder));
        Assert.Equal("NotARegularFile", e.ErrorId);
        Assert.Contains("is a folder", e.Message);
    }

    [Fact]
    public void NothingThereIsNotFound()
    {
        var e = Assert.Throws<BackpropException>(() => RegularFile.Ensure(Path.Combine(_folder, "nothing")));
        Assert.Equal("DatasetFileNotFound", e.ErrorId);
        Assert.Equal(BackpropErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task ANamedPipeIsRefusedWithoutOpeningIt()
    {
        if (OperatingSystem.IsWindows()) return; // no named pipes in the file system there
        string fifo = Path.Combine(_folder, "fifo");
        Assert.Equal(0, mkfifo(fifo, Convert.ToUInt32("600", 8)));
        // Opening the pipe to read would block until a writer comes; the guard only keeps a regression from hanging the run.
        var reading = Task.Run(() => Assert.Throws<BackpropException>(() => IdxFile.Read(fifo)));
        Assert.Same(reading, await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(60))));
        BackpropException e = await reading;
        Assert.Equal("NotARegularFile", e.ErrorId);
        Assert.Contains("is a named pipe (FIFO)", e.Message);
        Assert.Equal("NotARegularFile", Assert.Throws<BackpropException>(() => RegularFile.Ensure(fifo)).ErrorId);
    }

    [Theory]
    [InlineData("/dev/null", "a character device")]
    [InlineData("/dev/zero", "a character device")]
    public void ADeviceIsRefused(string device, string kind)
    {
        if (!File.Exists(device)) return; // Windows
        var e = Assert.Throws<BackpropException>(() => IdxFile.ReadMatrix(device, 255));
        Assert.Equal("NotARegularFile", e.ErrorId);
        Assert.Contains(kind, e.Message);
    }

    [Fact]
    public void ALinkIsFollowed()
    {
        if (OperatingSystem.IsWindows()) return; // links there need a privilege
        // A link named "l" is 1 byte long itself; the reader takes its target's length, so the file reads whole.
        string target = Path.Combine(_folder, "target"), link = Path.Combine(_folder, "l");
        File.WriteAllBytes(target, IdxBytes.Idx(new[] { 3 }, new byte[] { 1, 2, 3 }));
        File.CreateSymbolicLink(link, "target");
        Assert.Equal(new byte[] { 1, 2, 3 }, IdxFile.Read(link).Values);
        string pipeLink = Path.Combine(_folder, "pipe-link");
        Assert.Equal(0, mkfifo(Path.Combine(_folder, "pipe"), Convert.ToUInt32("600", 8)));
        File.CreateSymbolicLink(pipeLink, "pipe");
        Assert.Contains("is a named pipe (FIFO)", Assert.Throws<BackpropException>(() => RegularFile.Ensure(pipeLink)).Message);
    }
}
