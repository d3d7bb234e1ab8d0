using System;
using BackpropPS.Core;

namespace BackpropPS.Core.Tests;

/// <summary>The network file format of DESIGN.md.</summary>
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
        var schema = new Training.DataSchema(new[] { "x1", "x2" }, new[] { "class" }, new[] { "a", "b" },
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

    private static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);
}
