using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using BackpropPS.Core.Training;
using Xunit.Abstractions;

namespace BackpropPS.Core.Tests.Training;

/// <summary>
/// A float32 run agrees with PyTorch's float32 run of the same work: Peer/torch_float32_peer.py (not run by the
/// build) trained a 20-32-16-4 Tanh/ReLU/Softmax network for 15 epochs of 8 batches with SGD and with Adam, in
/// float32 and float64, from the same numbers, and wrote Peer/torch_float32.json; here the Trainer does the same.
/// <para>
/// The tolerance, derived: two float32 computations of the same steps differ only in their roundings (unit 6e-8)
/// and the order of their sums; each stays within the float32-versus-float64 gap g of the exact trajectory (g is
/// what the fixture's float32 and float64 runs differ by), so they stay within 2g of each other. In the fixture g is
/// 5.2e-7 of a layer's largest parameter for SGD and 1.6e-5 for Adam (whose division by sqrt(v) magnifies small
/// differences in tiny gradients); BackpropPS's float32 runs are 2.6e-7 and 1.5e-5 from PyTorch's. The test holds
/// every parameter to 3g (2g and a margin) and to 1e-4 of its layer's largest parameter whatever g is, checks that the
/// run really was float32 (every weight a float), and holds the float64 runs to 1e-12 (measured: 1e-14), which says
/// the two sides do the same arithmetic in the same order of steps.
/// </para>
/// </summary>
public class TorchPeerTests
{
    private const double SingleTolerance = 1e-4, DoubleTolerance = 1e-12;
    private readonly ITestOutputHelper _output;

    public TorchPeerTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("Sgd")]
    [InlineData("Adam")]
    public void AFloat32RunAgreesWithPyTorchFloat32(string optimizer)
    {
        using JsonDocument fixture = Fixture();
        JsonElement run = fixture.RootElement.GetProperty("runs").GetProperty(optimizer);
        EpochResult last = Train(fixture.RootElement, optimizer, Precision.Single).Last();
        Assert.Equal(Precision.Single, last.Precision);
        double ours = Difference(last.Network, run.GetProperty("float32"));
        double gap = Difference(Parameters(run.GetProperty("float64")), run.GetProperty("float32"));
        _output.WriteLine($"{optimizer}: BackpropPS float32 against PyTorch float32 {ours:G3}; PyTorch's float32 against its float64 {gap:G3}");
        Assert.True(gap > 1e-8, "the float32 and float64 runs of the peer should differ: the fixture would not test precision");
        Assert.True(ours <= 3 * gap && ours <= SingleTolerance,
            $"{ours:G3} of a layer's largest parameter apart; expected at most {Math.Min(3 * gap, SingleTolerance):G3}");
        Assert.All(last.Network.Layers.SelectMany(l => l.Weights.Concat(l.Biases)), w => Assert.Equal(w, (double)(float)w));
        double[] losses = run.GetProperty("float32").GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(losses.Last(), last.Loss, losses.Last() * SingleTolerance);
    }

    [Theory]
    [InlineData("Sgd")]
    [InlineData("Adam")]
    public void AFloat64RunAgreesWithPyTorchFloat64(string optimizer)
    {
        using JsonDocument fixture = Fixture();
        JsonElement run = fixture.RootElement.GetProperty("runs").GetProperty(optimizer);
        EpochResult[] epochs = Train(fixture.RootElement, optimizer, Precision.Double).ToArray();
        double ours = Difference(epochs.Last().Network, run.GetProperty("float64"));
        _output.WriteLine($"{optimizer}: BackpropPS float64 against PyTorch float64 {ours:G3}");
        Assert.True(ours <= DoubleTolerance, $"{ours:G3} apart; expected at most {DoubleTolerance:G3}");
        double[] losses = run.GetProperty("float64").GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.All(Enumerable.Range(0, losses.Length), k => Assert.Equal(losses[k], epochs[k].Loss, losses[k] * DoubleTolerance));
    }

    private static System.Collections.Generic.IEnumerable<EpochResult> Train(JsonElement fixture, string optimizer, Precision precision)
    {
        int[] sizes = fixture.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Activation[] activations = fixture.GetProperty("activations").EnumerateArray().Select(e => Enum.Parse<Activation>(e.GetString())).ToArray();
        double[][] weights = Rows3(fixture.GetProperty("weights")).Select(w => w.SelectMany(r => r).ToArray()).ToArray();
        double[][] biases = fixture.GetProperty("biases").EnumerateArray().Select(Numbers).ToArray();
        var network = new Network(Enumerable.Range(0, sizes.Length - 1).Select(l =>
            new Layer(sizes[l], sizes[l + 1], weights[l], biases[l], activations[l])));
        var data = new Dataset(Matrix.FromRows(Rows(fixture.GetProperty("inputs"))), Matrix.FromRows(Rows(fixture.GetProperty("targets"))));
        JsonElement settings = fixture.GetProperty("runs").GetProperty(optimizer);
        var options = new TrainingOptions
        {
            Epochs = fixture.GetProperty("epochs").GetInt32(), BatchSize = fixture.GetProperty("batchSize").GetInt32(),
            Loss = LossFunction.CrossEntropy, Precision = precision,
            Optimizer = new OptimizerSettings { Kind = Enum.Parse<OptimizerKind>(optimizer), LearningRate = settings.GetProperty("learning_rate").GetDouble() },
        };
        if (optimizer == "Adam")
        {
            options.Optimizer.Beta1 = settings.GetProperty("beta1").GetDouble();
            options.Optimizer.Beta2 = settings.GetProperty("beta2").GetDouble();
            options.Optimizer.Epsilon = settings.GetProperty("epsilon").GetDouble();
        }
        return Trainer.Train(network, data, null, options);
    }

    // The largest difference of any weight or bias, relative to the largest parameter of its layer in the peer's run.
    private static double Difference(Network network, JsonElement peer) =>
        Difference(network.Layers.Select(l => (l.Weights.ToArray(), l.Biases.ToArray())).ToArray(), peer);

    private static double Difference((double[] Weights, double[] Biases)[] ours, JsonElement peer)
    {
        var theirs = Parameters(peer);
        double worst = 0;
        for (int l = 0; l < ours.Length; l++)
        {
            double scale = theirs[l].Weights.Concat(theirs[l].Biases).Max(Math.Abs);
            for (int k = 0; k < ours[l].Weights.Length; k++) worst = Math.Max(worst, Math.Abs(ours[l].Weights[k] - theirs[l].Weights[k]) / scale);
            for (int k = 0; k < ours[l].Biases.Length; k++) worst = Math.Max(worst, Math.Abs(ours[l].Biases[k] - theirs[l].Biases[k]) / scale);
        }
        return worst;
    }

    private static (double[] Weights, double[] Biases)[] Parameters(JsonElement run)
    {
        double[][] weights = Rows3(run.GetProperty("weights")).Select(w => w.SelectMany(r => r).ToArray()).ToArray();
        double[][] biases = run.GetProperty("biases").EnumerateArray().Select(Numbers).ToArray();
        return weights.Select((w, l) => (w, biases[l])).ToArray();
    }

    private static double[][] Rows(JsonElement rows) => rows.EnumerateArray().Select(Numbers).ToArray();

    private static double[][][] Rows3(JsonElement value) => value.EnumerateArray().Select(Rows).ToArray();

    private static double[] Numbers(JsonElement row) => row.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    // The fixture beside the peer script, found from the test's folder up to the repository.
    private static JsonDocument Fixture()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "tests", "BackpropPS.Core.Tests", "Training", "Peer", "torch_float32.json");
            if (File.Exists(path)) return JsonDocument.Parse(File.ReadAllText(path));
        }
        throw new FileNotFoundException("tests/BackpropPS.Core.Tests/Training/Peer/torch_float32.json not found above " + AppContext.BaseDirectory);
    }
}
