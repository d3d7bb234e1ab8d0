using System.Linq;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Data;

/// <summary>
/// A data set: its schema, optional, immutable and checked against the matrices it describes; and its seeded
/// split into training and validation parts.
/// </summary>
public class DatasetTests
{
    private static readonly Matrix Inputs = new(3, 2, new[] { 0.0, 1, 2, 3, 4, 5 });

    private static readonly Matrix OneHot = new(3, 3, new[] { 1.0, 0, 0, 0, 1, 0, 0, 0, 1 });

    private static readonly Matrix Labels01 = new(3, 1, new[] { 0.0, 1, 0 });

    [Fact]
    public void TheTwoMatrixConstructorHasNoSchema()
    {
        Assert.Null(new Dataset(Inputs, Labels01).Schema);
    }

    [Fact]
    public void TheSchemaConstructorKeepsTheSchemaAndTheMatrices()
    {
        var schema = new DataSchema(new[] { "x1", "x2" }, new[] { "species" }, new[] { "a", "b", "c" });
        var data = new Dataset(Inputs, OneHot, schema);
        Assert.Same(schema, data.Schema);
        Assert.Same(Inputs, data.Inputs);
        Assert.Same(OneHot, data.Targets);
        Assert.Equal(3, data.Count);
    }

    [Fact]
    public void OneTargetColumnFitsTwoLabels()
    {
        var data = new Dataset(Inputs, Labels01, new DataSchema(new[] { "x1", "x2" }, new[] { "label" }, new[] { "no", "yes" }));
        Assert.Equal(new[] { "no", "yes" }, data.Schema.ClassLabels);
    }

    [Fact]
    public void ASchemaWithoutInputColumnsFitsAnyWidth()
    {
        var data = new Dataset(Inputs, OneHot, new DataSchema(new string[0], null, new[] { "a", "b", "c" }));
        Assert.Empty(data.Schema.InputColumns);
    }

    [Theory]
    [InlineData(new[] { "x1" }, new[] { "label" }, new string[0], "The data set has 2 input columns but its schema names 1 (x1).")]
    [InlineData(new[] { "x1", "x2" }, new[] { "species" }, new[] { "a", "b" }, "The data set has 3 target columns but its schema names 2 class labels: one target column per label, or one for two labels.")]
    [InlineData(new[] { "x1", "x2" }, new[] { "t1", "t2" }, new string[0], "The data set has 3 target columns but its schema names 2 (t1, t2).")]
    public void ASchemaThatDoesNotFitIsASchemaSizeMismatch(string[] inputColumns, string[] targetColumns, string[] labels, string message)
    {
        var e = Assert.Throws<BackpropException>(() => new Dataset(Inputs, OneHot, new DataSchema(inputColumns, targetColumns, labels)));
        Assert.Equal("SchemaSizeMismatch", e.ErrorId);
        Assert.Equal(BackpropErrorKind.InvalidArgument, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void AScalingOfAnotherWidthIsASchemaSizeMismatch()
    {
        var scaling = new InputScaling(new[] { 0.0, 0, 0 }, new[] { 1.0, 1, 1 });
        var e = Assert.Throws<BackpropException>(() => new Dataset(Inputs, OneHot, new DataSchema(new string[0], null, null, scaling)));
        Assert.Equal("SchemaSizeMismatch", e.ErrorId);
    }

    [Fact]
    public void TheMatricesAreCheckedBeforeTheSchema()
    {
        var e = Assert.Throws<BackpropException>(() => new Dataset(Inputs, new Matrix(2, 1, new[] { 0.0, 1 }), new DataSchema(new[] { "x" }, null)));
        Assert.Equal("BatchSizeMismatch", e.ErrorId);
    }

    [Fact]
    public void ANullSchemaIsADatasetWithoutOne()
    {
        Assert.Null(new Dataset(Inputs, OneHot, null).Schema);
    }

    [Fact]
    public void AValidationSplitIsSeededAndKeepsEverySample()
    {
        var data = DatasetGenerator.Generate(DatasetName.Gauss, 50, 0, 1);
        var (t1, v1) = data.Split(0.2, 9);
        var (t2, v2) = data.Split(0.2, 9);
        Assert.Equal(40, t1.Count);
        Assert.Equal(10, v1.Count);
        Assert.Equal(v1.Inputs.ToArray(), v2.Inputs.ToArray());
        var all = t1.Inputs.ToRows().Concat(v1.Inputs.ToRows()).Select(r => (r[0], r[1])).OrderBy(p => p).ToArray();
        Assert.Equal(data.Inputs.ToRows().Select(r => (r[0], r[1])).OrderBy(p => p).ToArray(), all);
    }
}
