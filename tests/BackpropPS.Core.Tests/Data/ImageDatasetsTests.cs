using System.IO;
using System.Linq;
using System;
using System.Threading;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using static BackpropPS.Core.Tests.Data.IdxBytes;

namespace BackpropPS.Core.Tests.Data;

/// <summary>IDX files as a data set (labels, one-hot targets, schema), finding the published files, and the shipped Digits.</summary>
public sealed class ImageDatasetsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("image-sets-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly byte[] ThreeImages = Enumerable.Range(0, 3 * 2 * 2).Select(i => (byte)(i * 21)).ToArray();

    [Fact]
    public void ImagesAndLabelsBecomeScaledInputsOneHotTargetsAndASchema()
    {
        string images = Write("i", Gzip(Idx(new[] { 3, 2, 2 }, ThreeImages)));
        string labels = Write("l", Idx(new[] { 3 }, new byte[] { 9, 0, 1 }));
        // Either order: the images are the file with three dimensions.
        Dataset data = ImageDatasets.ReadIdx(labels, images, ImageDatasets.FashionMnistLabels, "FashionMnist (Test)");
        Assert.Equal(3, data.Count);
        Assert.Equal(4, data.Inputs.Columns);
        Assert.Equal(ThreeImages[5] / 255.0, data.Inputs[1, 1]);
        Assert.Equal(new double[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, data.Targets.GetRow(0));
        Assert.Equal(1.0, data.Targets[2, 1]);
        Assert.Equal(new[] { "p0", "p1", "p2", "p3" }, data.Schema.InputColumns);
        Assert.Equal(new[] { "label" }, data.Schema.TargetColumns);
        Assert.Equal("Ankle boot", data.Schema.ClassLabels[9]);
        Assert.Equal("FashionMnist (Test)", data.Name);
    }

    [Fact]
    public void DifferentCountsOfImagesAndLabelsAreAnError()
    {
        string images = Write("i", Idx(new[] { 3, 2, 2 }, ThreeImages));
        string labels = Write("l", Idx(new[] { 2 }, new byte[] { 1, 2 }));
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.ReadIdx(images, labels, ImageDatasets.DigitLabels, "Mnist"));
        Assert.Equal("IdxFileMismatch", e.ErrorId);
        Assert.Contains("3 images", e.Message);
        Assert.Contains("2 labels", e.Message);
    }

    [Fact]
    public void TheCountsAreComparedFromTheHeadersBeforeAnyValueIsRead()
    {
        // The gzipped image file holds 5 values of 12 too; the headers alone already say the files do not belong together.
        string images = Write("i", Gzip(Idx(new[] { 3, 2, 2 }, ThreeImages.Take(5).ToArray())));
        string labels = Write("l", Idx(new[] { 2 }, new byte[] { 1, 2 }));
        Assert.Equal("IdxFileMismatch", Assert.Throws<BackpropException>(() => ImageDatasets.ReadIdx(images, labels, ImageDatasets.DigitLabels, "Mnist")).ErrorId);
    }

    [Fact]
    public void ADataSetBeyondTheMemoryTheProcessMayUseIsRefusedNamingBothSizes()
    {
        string images = Write("i", Idx(new[] { 3, 2, 2 }, ThreeImages));
        string labels = Write("l", Idx(new[] { 3 }, new byte[] { 9, 0, 1 }));
        // 12 pixels as read and as doubles (108 bytes), 3 labels as read and as one array (6), 3 x 10 one-hot targets (240).
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.ReadIdx(labels, images, ImageDatasets.DigitLabels, "Mnist", 353, CancellationToken.None));
        Assert.Equal("DatasetTooLarge", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains($"'{images}' and its labels (3 images of 2 x 2 pixels) would need 354 bytes of memory as a data set", e.Message);
        Assert.Contains("353 bytes", e.Message);
        Assert.Equal(3, ImageDatasets.ReadIdx(labels, images, ImageDatasets.DigitLabels, "Mnist", 354, CancellationToken.None).Count);
    }

    [Fact]
    public void TargetsLongerThanOneArrayAreRefusedFromTheHeaders()
    {
        // Headers alone, gzipped (so their length says nothing): 300 million labels need 3 billion one-hot targets.
        string images = Write("i.gz", Gzip(Header(new[] { 300_000_000L, 1, 1 })));
        string labels = Write("l.gz", Gzip(Header(new[] { 300_000_000L })));
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.ReadIdx(images, labels, ImageDatasets.DigitLabels, "Mnist"));
        Assert.Equal("DatasetTooLarge", e.ErrorId);
        Assert.Contains($"The one-hot targets of '{labels}' would need 300,000,000 x 10 values, more than one array can hold", e.Message);
    }

    [Fact]
    public void AFolderWithThePublishedNameIsRefusedAsNotARegularFile()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "t10k-images-idx3-ubyte.gz"));
        Write("t10k-labels-idx1-ubyte", Idx(new[] { 3 }, new byte[] { 9, 0, 1 }));
        var (images, labels) = ImageDatasets.Find(DatasetName.Mnist, _folder, DatasetSplit.Test);
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.ReadIdx(images, labels, ImageDatasets.DigitLabels, "Mnist"));
        Assert.Equal("NotARegularFile", e.ErrorId);
        Assert.Contains("is a folder", e.Message);
    }

    [Fact]
    public void TwoImageFilesAreAnError()
    {
        string images = Write("i", Idx(new[] { 3, 2, 2 }, ThreeImages));
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.ReadIdx(images, images, ImageDatasets.DigitLabels, "Mnist"));
        Assert.Equal("IdxFileMismatch", e.ErrorId);
    }

    [Fact]
    public void ALabelBeyondTheClassesIsAnInvalidIdxFile()
    {
        string images = Write("i", Idx(new[] { 3, 2, 2 }, ThreeImages));
        string labels = Write("l", Idx(new[] { 3 }, new byte[] { 1, 10, 2 }));
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.ReadIdx(images, labels, ImageDatasets.DigitLabels, "Mnist"));
        Assert.Equal("InvalidIdxFile", e.ErrorId);
        Assert.Contains("label 2 is 10", e.Message);
    }

    [Theory]
    [InlineData(DatasetSplit.Train, "train")]
    [InlineData(DatasetSplit.Test, "t10k")]
    public void FindsThePublishedNamesGzippedOrNot(DatasetSplit split, string prefix)
    {
        Write(prefix + "-images-idx3-ubyte.gz", new byte[1]);
        Write(prefix + "-labels-idx1-ubyte", new byte[1]);
        var (images, labels) = ImageDatasets.Find(DatasetName.FashionMnist, _folder, split);
        Assert.Equal(Path.Combine(_folder, prefix + "-images-idx3-ubyte.gz"), images);
        Assert.Equal(Path.Combine(_folder, prefix + "-labels-idx1-ubyte"), labels);
    }

    [Fact]
    public void MissingFilesSayWhereToGetThem()
    {
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.Find(DatasetName.FashionMnist, _folder, DatasetSplit.Train));
        Assert.Equal("DatasetFileNotFound", e.ErrorId);
        Assert.Equal(BackpropErrorKind.NotFound, e.Kind);
        Assert.Contains("apt-get install -y dataset-fashion-mnist", e.Message);
        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
    }

    private static string ShippedDigits()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "module", "data", "digits.csv");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("module/data/digits.csv not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void TheShippedDigitsReadExactlyAsTheSource()
    {
        Dataset digits = ImageDatasets.ReadDigits(ShippedDigits());
        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.Inputs.Columns);
        // The source's own figures (UCI via scikit-learn): the sum of all pixels and the count of each digit.
        Assert.Equal(561718, digits.Inputs.ToArray().Sum(v => v * 16));
        int[] perDigit = Enumerable.Range(0, 10).Select(d => Enumerable.Range(0, 1797).Count(r => digits.Targets[r, d] == 1)).ToArray();
        Assert.Equal(new[] { 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 }, perDigit);
        Assert.All(digits.Inputs.ToArray(), v => Assert.InRange(v, 0, 1));
        Assert.Equal("digit", digits.Schema.TargetColumns[0]);
    }

    [Fact]
    public void DigitsPartsAreASeededEightyTwentySplit()
    {
        Dataset digits = ImageDatasets.ReadDigits(ShippedDigits());
        Dataset train = ImageDatasets.SplitPart(digits, DatasetSplit.Train, 7), test = ImageDatasets.SplitPart(digits, DatasetSplit.Test, 7);
        Assert.Equal(1797, train.Count + test.Count);
        Assert.Equal(359, test.Count);
        Assert.Same(digits.Schema, test.Schema);
        Assert.Equal("Digits (Test)", test.Name);
        // The same seed, the same parts; the split Invoke-BackpropTraining makes with -ValidationFraction 0.2.
        Assert.Equal(test.Inputs.ToArray(), ImageDatasets.SplitPart(digits, DatasetSplit.Test, 7).Inputs.ToArray());
        Assert.Equal(digits.Split(0.2, 7).Validation.Inputs.ToArray(), test.Inputs.ToArray());
        Assert.NotEqual(test.Inputs.ToArray(), ImageDatasets.SplitPart(digits, DatasetSplit.Test, 8).Inputs.ToArray());
    }

    [Fact]
    public void ACorruptDigitsFileIsAnError()
    {
        string path = Write("digits.csv", System.Text.Encoding.ASCII.GetBytes("p0,p1,digit\n0,16,3\n0,17,3\n"));
        var e = Assert.Throws<BackpropException>(() => ImageDatasets.ReadDigits(path));
        Assert.Equal("InvalidDatasetFile", e.ErrorId);
        Assert.Contains("line 3, column p1 is '17'", e.Message);
    }
}
