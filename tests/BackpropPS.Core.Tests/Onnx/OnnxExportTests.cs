using System;
using System.Linq;
using BackpropPS.Core.Data;
using BackpropPS.Core.Onnx;
using BackpropPS.Core.Training;
using Onnx;

namespace BackpropPS.Core.Tests.Onnx;

/// <summary>
/// The exported model run in ONNX Runtime gives the module's own forward pass: every activation, every bias mode,
/// raw inputs through the model's Sub and Div, Softmax outputs; float64 to 1e-12 relative, float32 to 1e-5.
/// </summary>
public class OnnxExportTests
{
    // float64 runs the same arithmetic in another order (ONNX Runtime's GEMM, its tanh and exp): 1e-12 relative
    // (measured: at most 3.5e-15 here, 7.3e-15 on Iris).
    private const double DoubleTolerance = 1e-12;

    // float32 rounds the weights, the inputs and every step to 24 bits (about 6e-8 relative each); through
    // three layers of at most 6 terms that stays within 1e-5 of the float64 pass (measured: at most 3.0e-6).
    private const double SingleTolerance = 1e-5;

    public static TheoryData<Activation, BiasMode, bool> EveryActivationAndBiasMode()
    {
        var data = new TheoryData<Activation, BiasMode, bool>();
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            foreach (BiasMode mode in Enum.GetValues<BiasMode>()) data.Add(activation, mode, mode == BiasMode.Shared);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActivationAndBiasMode))]
    public void OnnxRuntimeGivesTheModulesOutputsInFloat64(Activation activation, BiasMode mode, bool standardize)
    {
        Network network = TestNetworks.Random(new[] { 4, 6, 5, 3 }, new[] { activation, activation, Activation.Softmax }, mode, seed: (int)activation * 3 + (int)mode, standardize);
        double[,] inputs = TestNetworks.Inputs(rows: 7, columns: 4, seed: 1);
        AssertAgrees(network, inputs, Precision.Double, DoubleTolerance);
    }

    [Theory]
    [MemberData(nameof(EveryActivationAndBiasMode))]
    public void OnnxRuntimeGivesTheModulesOutputsInFloat32(Activation activation, BiasMode mode, bool standardize)
    {
        // The activation at the output too: Linear and ReLU outputs, not only probabilities.
        Network network = TestNetworks.Random(new[] { 4, 6, 3 }, new[] { activation, activation }, mode, seed: 40 + (int)activation, standardize);
        double[,] inputs = TestNetworks.Inputs(rows: 5, columns: 4, seed: 2);
        AssertAgrees(network, inputs, Precision.Single, SingleTolerance);
        AssertAgrees(network, inputs, Precision.Double, DoubleTolerance);
    }

    [Fact]
    public void AnIrisNetworkTrainedHereGivesTheSameProbabilitiesInOnnxRuntime()
    {
        Dataset iris = TestNetworks.Iris();
        Network trained = TestNetworks.TrainIris(iris);
        Assert.NotNull(trained.Schema.Scaling);
        double[,] raw = iris.Inputs.ToArray().Select((v, k) => (v, k)).Aggregate(new double[150, 4], (m, p) => { m[p.k / 4, p.k % 4] = p.v; return m; });
        double[,] ours = TestNetworks.Forward(trained, raw);
        double[,] theirs = OnnxRuntimeRunner.Run(OnnxExport.ToBytes(trained), raw, Precision.Double);
        double max = MaxRelative(ours, theirs);
        Assert.True(max <= DoubleTolerance, $"max relative difference {max:R}");
        // The classes agree on every flower, and the probabilities sum to 1.
        for (int r = 0; r < 150; r++)
        {
            Assert.Equal(ArgMax(ours, r), ArgMax(theirs, r));
            Assert.Equal(1.0, theirs[r, 0] + theirs[r, 1] + theirs[r, 2], 12);
        }
    }

    [Fact]
    public void TheModelSaysWhatTheNetworkIs()
    {
        Network network = TestNetworks.TrainIris(TestNetworks.Iris());
        ModelProto model = ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(network));
        Assert.Equal(OnnxExport.Opset, model.OpsetImport.Single().Version);
        Assert.Equal(OnnxExport.IrVersion, model.IrVersion);
        Assert.Equal(new[] { "Sub", "Div", "Gemm", "Tanh", "Gemm", "Softmax" }, model.Graph.Node.Select(n => n.OpType));
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("""["setosa","versicolor","virginica"]""", metadata[OnnxMetadata.ClassLabels]);
        Assert.Equal("""["sepal_length","sepal_width","petal_length","petal_width"]""", metadata[OnnxMetadata.InputColumns]);
        Assert.Equal("""["PerNeuron","PerNeuron"]""", metadata[OnnxMetadata.BiasModes]);
        Assert.Equal((int)TensorProto.Types.DataType.Double, model.Graph.Input.Single().Type.TensorType.ElemType);
        Assert.Equal("probabilities of setosa, versicolor, virginica", model.Graph.Output.Single().DocString);
    }

    [Fact]
    public void ASharedBiasIsExpandedExactlyAndSingleRoundsEachWeightOnce()
    {
        Network seed = NetworkFactory.StepByStep();
        ModelProto model = ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(seed));
        Assert.Equal(new[] { 0.35, 0.35 }, model.Graph.Initializer.Single(t => t.Name == "layer1.bias").DoubleData);
        Assert.Equal(new long[] { 2 }, model.Graph.Initializer.Single(t => t.Name == "layer1.bias").Dims);
        ModelProto single = ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(seed, Precision.Single));
        Assert.Equal(new[] { 0.15f, 0.20f, 0.25f, 0.30f }, single.Graph.Initializer.Single(t => t.Name == "layer1.weight").FloatData);
        Assert.Equal(new long[] { 2, 2 }, single.Graph.Initializer.Single(t => t.Name == "layer1.weight").Dims);
    }

    [Fact]
    public void TheSameNetworkGivesTheSameBytes()
    {
        Network network = TestNetworks.Random(new[] { 3, 4, 2 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, seed: 1, standardize: true);
        Assert.Equal(OnnxExport.ToBytes(network), OnnxExport.ToBytes(network));
    }

    [Fact]
    public void AWeightBeyondFloat32IsRefusedInSingleAndKeptInDouble()
    {
        var network = new Network(new[] { new Layer(1, 1, new[] { 1e300 }, new[] { 0.0 }, Activation.Linear) });
        BackpropException e = Errors.Fails(() => OnnxExport.ToBytes(network, Precision.Single));
        Assert.Equal("PrecisionOverflow", e.ErrorId);
        Assert.Contains("-Precision Double", e.Message);
        Assert.Equal(new[] { 1e300 }, ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(network)).Graph.Initializer[0].DoubleData);
    }

    private static void AssertAgrees(Network network, double[,] inputs, Precision precision, double tolerance)
    {
        double[,] ours = TestNetworks.Forward(network, inputs);
        double[,] theirs = OnnxRuntimeRunner.Run(OnnxExport.ToBytes(network, precision), inputs, precision);
        Assert.Equal(ours.GetLength(1), theirs.GetLength(1));
        double max = MaxRelative(ours, theirs);
        Assert.True(max <= tolerance, $"{network} in {precision}: max relative difference {max:R} (tolerance {tolerance:R})");
    }

    /// <summary>The largest |a - b| / |a| (0 where both are 0, as ReLU's zeros are).</summary>
    internal static double MaxRelative(double[,] a, double[,] b)
    {
        double max = 0;
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++) max = a[r, c] == b[r, c] ? max : Math.Max(max, Math.Abs(a[r, c] - b[r, c]) / Math.Abs(a[r, c]));
        }
        return max;
    }

    private static int ArgMax(double[,] values, int row) =>
        Enumerable.Range(0, values.GetLength(1)).Aggregate((best, c) => values[row, c] > values[row, best] ? c : best);
}
