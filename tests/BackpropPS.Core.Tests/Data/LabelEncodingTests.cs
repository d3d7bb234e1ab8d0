using BackpropPS.Core.Data;

namespace BackpropPS.Core.Tests.Data;

/// <summary>Class labels onto outputs: one each, or two labels on one sigmoid output; the one place the rule lives.</summary>
public class LabelEncodingTests
{
    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 3, true)]
    [InlineData(3, 1, false)]
    [InlineData(3, 2, false)]
    [InlineData(1, 1, false)]
    [InlineData(0, 1, false)]
    public void FitsOneOutputPerLabelOrOneOutputForTwo(int labels, int outputs, bool fits)
    {
        Assert.Equal(fits, LabelEncoding.Fits(labels, outputs));
    }

    [Fact]
    public void LabelsFromCellsAreDistinctAndInOrdinalOrder()
    {
        var encoding = LabelEncoding.FromCells(new[] { "b", "a", "B", "a" }, 3, "Column 'c'");
        Assert.Equal(new[] { "B", "a", "b" }, encoding.Labels);
    }

    [Fact]
    public void OneOutputEncodesTheSecondLabelAsOne()
    {
        var encoding = new LabelEncoding(new[] { "no", "yes" }, 1, "Column 'c'");
        Matrix targets = encoding.Encode(new[] { "yes", "no", "yes" }, "c");
        Assert.Equal(new[] { 1.0, 0, 1 }, targets.ToArray());
        Assert.Equal(1, targets.Columns);
    }

    [Fact]
    public void SeveralOutputsAreOneHot()
    {
        var encoding = new LabelEncoding(new[] { "a", "b", "c" }, 3, "Column 'c'");
        Assert.Equal(new[] { 0.0, 0, 1, 1, 0, 0 }, encoding.Encode(new[] { "c", "a" }, "c").ToArray());
    }

    [Fact]
    public void AnUnknownLabelNamesTheRecordAndTheColumn()
    {
        var encoding = new LabelEncoding(new[] { "a", "b" }, 2, "Column 'c'");
        var e = Assert.Throws<BackpropException>(() => encoding.Encode(new[] { "a", "z" }, "species"));
        Assert.Equal("UnknownLabel", e.ErrorId);
        Assert.Equal("Record 2, column 'species': the label 'z' is not one the network was trained on (a, b).", e.Message);
    }

    [Theory]
    [InlineData(new[] { 0.49 }, "no")]
    [InlineData(new[] { 0.5 }, "yes")]
    public void OneOutputDecodesAtOneHalf(double[] output, string label)
    {
        var encoding = new LabelEncoding(new[] { "no", "yes" }, 1, "x");
        Assert.Equal(label, encoding.Label(output));
        Assert.Equal(new[] { 1 - output[0], output[0] }, encoding.Probabilities(output));
    }

    [Fact]
    public void SeveralOutputsDecodeToTheLargestAndTheFirstOnATie()
    {
        var encoding = new LabelEncoding(new[] { "a", "b", "c" }, 3, "x");
        Assert.Equal("b", encoding.Label(new[] { 0.2, 0.7, 0.1 }));
        Assert.Equal("a", encoding.Label(new[] { 0.4, 0.4, 0.2 }));
        Assert.Equal(new[] { 0.2, 0.7, 0.1 }, encoding.Probabilities(new[] { 0.2, 0.7, 0.1 }));
    }

    [Fact]
    public void ASingleLabelIsRefused()
    {
        var e = Assert.Throws<BackpropException>(() => new LabelEncoding(new[] { "setosa" }, 1, "Column 'species'"));
        Assert.Equal("SingleClassLabel", e.ErrorId);
        Assert.Equal("Column 'species' has one label only (setosa); a classifier needs at least two labels to tell apart.", e.Message);
    }

    [Fact]
    public void ADuplicateLabelIsRefused()
    {
        var e = Assert.Throws<BackpropException>(() => new LabelEncoding(new[] { "a", "a" }, 1, "The data set"));
        Assert.Equal("DuplicateClassLabel", e.ErrorId);
    }

    [Fact]
    public void LabelsThatDoNotFitTheOutputsAreAClassCountMismatch()
    {
        var e = Assert.Throws<BackpropException>(() => new LabelEncoding(new[] { "a", "b", "c" }, 2, "Column 'species'"));
        Assert.Equal("ClassCountMismatch", e.ErrorId);
        Assert.Equal("Column 'species' has 3 labels (a, b, c); the network has 2 outputs: one per label, or one output for two labels.", e.Message);
    }
}
