using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using BackpropPS.Core;

namespace BackpropPS.Core.Tests;

/// <summary>A trained network's schema (columns, labels, scaling) in the network file.</summary>
public class SchemaJsonTests
{
    private static Network Trained() => NetworkFactory.Random(new[] { 2, 3 }, new[] { Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 1)
        .WithSchema(new DataSchema(new[] { "x1", "x2" }, new[] { "species" }, new[] { "a", "b", "c" },
            new InputScaling(new[] { 0.1 + 0.2, -3.5 }, new[] { 1.0 / 3, 2.0 })));

    [Fact]
    public void TheSchemaSurvivesTheRoundTripExactly()
    {
        var back = NetworkJson.Deserialize(NetworkJson.Serialize(Trained()));
        Assert.Equal(new[] { "x1", "x2" }, back.Schema.InputColumns);
        Assert.Equal(new[] { "species" }, back.Schema.TargetColumns);
        Assert.Equal(new[] { "a", "b", "c" }, back.Schema.ClassLabels);
        Assert.Equal(new[] { 0.1 + 0.2, -3.5 }, back.Schema.Scaling.Mean);
        Assert.Equal(new[] { 1.0 / 3, 2.0 }, back.Schema.Scaling.Scale);
        Assert.Equal(NetworkJson.Serialize(Trained()), NetworkJson.Serialize(back));
    }

    [Fact]
    public void OneOutputMayCarryTwoLabelsButNotThree()
    {
        var single = NetworkFactory.Random(new[] { 2, 1 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 1);
        var binary = single.WithSchema(new DataSchema(new[] { "a", "b" }, new[] { "y" }, new[] { "no", "yes" }));
        Assert.Equal(new[] { "no", "yes" }, NetworkJson.Deserialize(NetworkJson.Serialize(binary)).Schema.ClassLabels);
        var e = Assert.Throws<BackpropException>(() => single.WithSchema(new DataSchema(new[] { "a", "b" }, new[] { "y" }, new[] { "x", "y", "z" })));
        Assert.Equal("SchemaSizeMismatch", e.ErrorId);
    }

    [Fact]
    public void ANetworkWithoutSchemaWritesNone() =>
        Assert.DoesNotContain("schema", NetworkJson.Serialize(NetworkFactory.StepByStep()));

    [Theory]
    [InlineData("""{ "inputColumns": [1] }""", "'schema.inputColumns'")]
    [InlineData("""{ "inputColumns": ["a", "b"], "inputMean": [0, 0], "inputScale": [1, 0] }""", "'schema.inputScale'")]
    [InlineData("""{ "inputColumns": ["a", "b", "c"] }""", "'schema'")]
    [InlineData("""{ "classLabels": ["only one"] }""", "'schema.classLabels'")]
    public void AMalformedSchemaIsNamed(string schema, string field)
    {
        string json = $$"""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "Softmax", "weights": [[1, 2], [3, 4]] } ], "schema": {{schema}} }""";
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(json));
        Assert.Equal("InvalidNetworkFile", e.ErrorId);
        Assert.Contains(field, e.Message);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(e.Message, "field '"));
    }
}
