using System;
using System.IO;
using System.Linq;
using BackpropPS.Core.Onnx;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core.Tests.Onnx;

/// <summary>
/// Models PyTorch exported (tests/fixtures/onnx, made by make_fixtures.py) read as networks whose weights are
/// PyTorch's, whose outputs, loss and gradients are autograd's; and every network the module exports read back as
/// the same network.
/// </summary>
public class OnnxImportTests
{
    // PyTorch computed the recorded values in float64 with the same weights; only the order of the sums differs.
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Fixtures() => new() { "iris_tanh_softmax_gemm", "relu_leaky_sigmoid_matmul", "nobias_sigmoid_linear_float64" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void APyTorchModelReadsWithPyTorchsWeights(string name)
    {
        (Network network, JObject recorded) = Load(name);
        var layers = (JArray)recorded["layers"];
        Assert.Equal(layers.Count, network.Layers.Count);
        for (int l = 0; l < layers.Count; l++)
        {
            Layer layer = network.Layers[l];
            Assert.Equal(Flatten(layers[l]["weight"]), layer.Weights.ToArray());
            if (layers[l]["bias"].Type == JTokenType.Null) Assert.Equal(BiasMode.None, layer.BiasMode);
            else Assert.Equal(Flatten(layers[l]["bias"]), layer.Biases.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void APyTorchModelGivesAutogradsOutputsLossAndGradients(string name)
    {
        (Network network, JObject recorded) = Load(name);
        var loss = Enum.Parse<LossFunction>((string)recorded["loss_function"]);
        ForwardPass forward = Backpropagation.Forward(network, Matrix.FromRows(Rows(recorded["input"])));
        AssertClose(Flatten(recorded["output"]), forward.Output.ToArray(), "output");
        Gradient gradient = Backpropagation.Backward(forward, Matrix.FromRows(Rows(recorded["target"])), loss);
        AssertClose(new[] { (double)recorded["loss"] }, new[] { gradient.Loss }, "loss");
        var layers = (JArray)recorded["layers"];
        for (int l = 0; l < layers.Count; l++)
        {
            AssertClose(Flatten(layers[l]["weight_gradient"]), gradient.WeightGradient[l].ToArray(), $"layer {l + 1} weight gradient");
            if (layers[l]["bias_gradient"].Type != JTokenType.Null)
                AssertClose(Flatten(layers[l]["bias_gradient"]), gradient.BiasGradient[l].ToArray(), $"layer {l + 1} bias gradient");
        }
    }

    [Fact]
    public void TheFixturesAreTheFormsTheyStandFor()
    {
        // Gemm (2-D input, opset 11's Softmax axis 1); MatMul and Add (a 1-D input); float64 weights, where the
        // layer without a bias is a MatMul alone.
        Assert.Equal(new[] { "Gemm", "Tanh", "Gemm", "Softmax" }, Ops("iris_tanh_softmax_gemm"));
        Assert.Equal(new[] { "MatMul", "Add", "Relu", "MatMul", "Add", "LeakyRelu", "MatMul", "Add", "Sigmoid" }, Ops("relu_leaky_sigmoid_matmul"));
        Assert.Equal(new[] { "MatMul", "Sigmoid", "Gemm" }, Ops("nobias_sigmoid_linear_float64"));
        Assert.Equal(BiasMode.None, Load("nobias_sigmoid_linear_float64").Network.Layers[0].BiasMode);
        Assert.Equal(Activation.Linear, Load("nobias_sigmoid_linear_float64").Network.Layers[1].Activation);
    }

    [Theory]
    [MemberData(nameof(OnnxExportTests.EveryActivationAndBiasMode), MemberType = typeof(OnnxExportTests))]
    public void AnExportedNetworkReadsBackAsTheSameNetwork(Activation activation, BiasMode mode, bool standardize)
    {
        Network network = TestNetworks.Random(new[] { 3, 4, 2 }, new[] { activation, activation }, mode, seed: 9, standardize);
        Network back = OnnxImport.FromBytes(OnnxExport.ToBytes(network));
        Assert.Equal(NetworkJson.Serialize(network), NetworkJson.Serialize(back));
    }

    [Fact]
    public void AnExportedSinglePrecisionNetworkReadsBackWithEachWeightRoundedOnce()
    {
        Network network = TestNetworks.Random(new[] { 3, 4, 2 }, new[] { Activation.LeakyReLU, Activation.Softmax }, BiasMode.Shared, seed: 4, standardize: true);
        Network back = OnnxImport.FromBytes(OnnxExport.ToBytes(network, Precision.Single));
        for (int l = 0; l < 2; l++)
        {
            Assert.Equal(network.Layers[l].Weights.Select(w => (double)(float)w), back.Layers[l].Weights);
            Assert.Equal(network.Layers[l].Biases.Select(w => (double)(float)w), back.Layers[l].Biases);
            Assert.Equal(network.Layers[l].Activation, back.Layers[l].Activation);
        }
        Assert.Equal(network.Schema.Scaling.Scale.Select(w => (double)(float)w), back.Schema.Scaling.Scale);
    }

    [Fact]
    public void TheTrainedIrisNetworkKeepsItsLabelsColumnsAndScaling()
    {
        Network trained = TestNetworks.TrainIris(TestNetworks.Iris());
        Network back = OnnxImport.FromBytes(OnnxExport.ToBytes(trained));
        Assert.Equal(NetworkJson.Serialize(trained), NetworkJson.Serialize(back));
        Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, back.Schema.ClassLabels);
        Assert.Equal(new[] { "species" }, back.Schema.TargetColumns);
    }

    [Fact]
    public void TheSeedsSharedBiasComesBackShared()
    {
        Network back = OnnxImport.FromBytes(OnnxExport.ToBytes(NetworkFactory.StepByStep()));
        Assert.Equal(NetworkJson.Serialize(NetworkFactory.StepByStep()), NetworkJson.Serialize(back));
        Assert.All(back.Layers, l => Assert.Equal(BiasMode.Shared, l.BiasMode));
    }

    [Fact]
    public void AStreamIsReadAsItsBytes()
    {
        byte[] bytes = OnnxExport.ToBytes(NetworkFactory.StepByStep());
        using var stream = new MemoryStream(bytes);
        Assert.Equal(NetworkJson.Serialize(OnnxImport.FromBytes(bytes)), NetworkJson.Serialize(OnnxImport.Read(stream, "seed.onnx")));
    }

    internal static (Network Network, JObject Recorded) Load(string name)
    {
        string onnx = TestNetworks.RepositoryFile("tests", "fixtures", "onnx", name + ".onnx");
        using var stream = File.OpenRead(onnx);
        return (OnnxImport.Read(stream, name + ".onnx"), JObject.Parse(File.ReadAllText(Path.ChangeExtension(onnx, ".json"))));
    }

    private static string[] Ops(string name) =>
        global::Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(TestNetworks.RepositoryFile("tests", "fixtures", "onnx", name + ".onnx"))).Graph.Node.Select(n => n.OpType).ToArray();

    private static double[][] Rows(JToken token) => token.Select(r => r.Select(v => (double)v).ToArray()).ToArray();

    private static double[] Flatten(JToken token) =>
        token.Type == JTokenType.Array ? token.SelectMany(t => t.Type == JTokenType.Array ? t.Select(v => (double)v) : new[] { (double)t }).ToArray() : new[] { (double)token };

    // Relative to the largest value of the quantity: a gradient of 1e-9 beside others of 0.1 is held to 1e-13.
    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(Math.Abs);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= Tolerance * scale, $"{what}[{k}]: PyTorch {expected[k]:R}, the module {actual[k]:R}");
    }
}
