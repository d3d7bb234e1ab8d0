using System.IO;
using System.Linq;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using static BackpropPS.Core.Tests.JsonMutations;

namespace BackpropPS.Core.Tests;

/// <summary>
/// The network file format of DESIGN.md: reading it, writing it bit for bit, the schema of a trained network,
/// and every mutation of a real file either refused cleanly or read as a network that round-trips.
/// </summary>
public class NetworkJsonTests
{
    [Fact]
    public void TheSeedNetworkReadsAsDesignMdShowsIt()
    {
        const string json = """
        {
          "format": "BackpropPS.Network",
          "version": 1,
          "layers": [
            { "activation": "Sigmoid", "bias": 0.35, "weights": [[0.15, 0.20], [0.25, 0.30]] },
            { "activation": "Sigmoid", "bias": 0.60, "weights": [[0.40, 0.45], [0.50, 0.55]] }
          ]
        }
        """;
        Assert.Equal(NetworkJson.Serialize(NetworkFactory.StepByStep()), NetworkJson.Serialize(NetworkJson.Deserialize(json)));
    }

    [Fact]
    public void EveryBiasModeAndEveryDoubleSurvivesTheRoundTripBitForBit()
    {
        var network = new Network(new[]
        {
            new Layer(2, 2, new[] { 0.1 + 0.2, -1e-300, double.Epsilon, Math.PI }, new[] { 1.0 / 3, -0.0 }, Activation.LeakyReLU, BiasMode.PerNeuron),
            new Layer(2, 1, new[] { double.MaxValue, 5e-324 }, new[] { 2.0 / 3 }, Activation.Tanh, BiasMode.Shared),
            new Layer(1, 3, new[] { 1.0, 2.0, 3.0 }, Array.Empty<double>(), Activation.Softmax, BiasMode.None),
        });
        var back = NetworkJson.Deserialize(NetworkJson.Serialize(network));
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Assert.Equal(network.Layers[l].BiasMode, back.Layers[l].BiasMode);
            Assert.Equal(network.Layers[l].Activation, back.Layers[l].Activation);
            Assert.Equal(Bits(network.Layers[l].Weights.ToArray()), Bits(back.Layers[l].Weights.ToArray()));
            Assert.Equal(Bits(network.Layers[l].Biases.ToArray()), Bits(back.Layers[l].Biases.ToArray()));
        }
    }

    [Fact]
    public void TheOneLineFormHasNoLineBreakAndReadsBackToTheSameFileText()
    {
        var schema = new DataSchema(new[] { "x1", "x2" }, new[] { "class" }, new[] { "a", "b" },
            new Core.Data.InputScaling(new[] { 0.5, -1.0 }, new[] { 2.0, 0.25 }));
        var network = NetworkFactory.StepByStep().WithSchema(schema);
        string line = NetworkJson.Serialize(network, indented: false);
        Assert.DoesNotContain("\n", line);
        Assert.DoesNotContain(" ", line);
        Assert.Equal(NetworkJson.Serialize(network), NetworkJson.Serialize(NetworkJson.Deserialize(line)));
    }

    [Fact]
    public void UnknownFieldsAreIgnoredAndNamesAreCaseInsensitive()
    {
        const string json = """{ "format": "BackpropPS.Network", "version": 1, "note": "hi", "layers": [ { "activation": "relu", "weights": [[1, 2]], "comment": [1] } ] }""";
        var network = NetworkJson.Deserialize(json);
        Assert.Equal(Activation.ReLU, network.Layers[0].Activation);
        Assert.Equal(BiasMode.None, network.Layers[0].BiasMode);
    }

    [Theory]
    [InlineData("""{ "version": 1, "layers": [] }""", "'format'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 2, "layers": [] }""", "'version'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1 }""", "'layers'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "weights": [[1]] } ] }""", "'layers[0].activation'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "Cosine", "weights": [[1]] } ] }""", "'layers[0].activation'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU" } ] }""", "'layers[0].weights'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "weights": [[1, 2], [3]] } ] }""", "'layers[0].weights[1]'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "weights": [[1, "x"]] } ] }""", "'layers[0].weights[0][1]'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "bias": [1, 2], "weights": [[1]] } ] }""", "'layers[0].bias'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "bias": "x", "weights": [[1]] } ] }""", "'layers[0].bias'")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "weights": [[1]] }, { "activation": "ReLU", "weights": [[1, 2]] } ] }""", "'layers[1].weights'")]
    public void AMissingOrMalformedFieldIsNamed(string json, string field)
    {
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(json, "net.json"));
        Assert.Equal("InvalidNetworkFile", e.ErrorId);
        Assert.Contains(field, e.Message);
        Assert.StartsWith("net.json", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "weights": [[1]] } ] } trailing""")]
    [InlineData("""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "weights": [[1]] } ] },""")]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public void TextThatIsNotAJsonObjectIsRejected(string text) =>
        Assert.Equal("InvalidNetworkFile", Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(text)).ErrorId);

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void ANetworkWithANonFiniteParameterIsNotWritten(double bad)
    {
        // Only the core's own snapshots (Layer.Wrap) can hold such a value; the writer still never writes one.
        var good = NetworkFactory.StepByStep();
        var broken = new Network(new[] { good.Layers[0], Layer.Wrap(good.Layers[1], new[] { 0.4, 0.45, bad, 0.55 }, new[] { 0.6 }) });
        var writer = new StringWriter();
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Write(broken, writer));
        Assert.Equal("NonFiniteParameter", e.ErrorId);
        Assert.Contains("layers[1].weights[1][0]", e.Message);
        Assert.Equal("", writer.ToString());

        var biased = new Network(new[] { Layer.Wrap(good.Layers[0], good.Layers[0].Weights.ToArray(), new[] { bad }), good.Layers[1] });
        Assert.Contains("layers[0].bias", Assert.Throws<BackpropException>(() => NetworkJson.Serialize(biased)).Message);
    }

    [Fact]
    public void EveryMutationIsRefusedCleanlyOrReadAsANetworkThatRoundTrips()
    {
        int read = 0, refused = 0;
        foreach (var (mutated, context) in Mutations())
        {
            Network network = null;
            try
            {
                network = NetworkJson.Deserialize(mutated, "fuzz.json");
            }
            catch (BackpropException e)
            {
                Assert.True(e.ErrorId == "InvalidNetworkFile" && e.Kind == BackpropErrorKind.InvalidData && e.Message.StartsWith("fuzz.json"),
                    $"{e.ErrorId} ({e.Kind}): {e.Message}\n{context}");
                refused++;
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name}: {e.Message}\n{context}");
            }
            Assert.True(IsStrictJson(mutated), "read text that is not RFC 8259 JSON: " + context);
            string exported = NetworkJson.Serialize(network);
            Assert.Equal(exported, NetworkJson.Serialize(NetworkJson.Deserialize(exported)));
            read++;
        }
        // Both outcomes must really be exercised, or the test proves nothing.
        Assert.True(read >= 50 && refused >= 200, $"read {read}, refused {refused}");
    }

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

    private static string WithSchema(int outputs, string labels) =>
        $$"""{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "{{(outputs == 1 ? "Sigmoid" : "Softmax")}}", "weights": [{{string.Join(", ", Enumerable.Repeat("[1, 2]", outputs))}}] } ], "schema": { "classLabels": {{labels}} } }""";

    [Theory]
    [InlineData(1, """["yes"]""", "'schema.classLabels'")]
    [InlineData(1, """["yes", "yes"]""", "'schema.classLabels[1]'")]
    [InlineData(2, """["a", "a"]""", "'schema.classLabels[1]'")]
    [InlineData(3, """["a", "b", "a"]""", "'schema.classLabels[2]'")]
    public void ClassLabelsAreAtLeastTwoAndDistinct(int outputs, string labels, string field)
    {
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(WithSchema(outputs, labels), "net.json"));
        Assert.Equal("InvalidNetworkFile", e.ErrorId);
        Assert.Contains(field, e.Message);
    }

    [Theory]
    [InlineData(1, """["no", "yes"]""")]
    [InlineData(2, """["a", "A"]""")]
    [InlineData(3, """["a", "b", "c"]""")]
    public void DistinctLabelsThatFitTheOutputsAreRead(int outputs, string labels) =>
        Assert.True(NetworkJson.Deserialize(WithSchema(outputs, labels)).Schema.IsClassifier);

    private static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);
}
