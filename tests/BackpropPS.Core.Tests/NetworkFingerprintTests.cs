using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests;

/// <summary>A network's fingerprint: the same for the same layers, different after a step, stable everywhere.</summary>
public class NetworkFingerprintTests
{
    [Fact]
    public void IsPinnedForTheSeedNetwork()
    {
        // Pinned (and checked with Python's hashlib): both builds and every machine must give these digits.
        Assert.Equal("c3f4c49b", NetworkFactory.StepByStep().Fingerprint);
    }

    [Fact]
    public void IsEightLowercaseHexDigits()
    {
        Assert.Matches("^[0-9a-f]{8}$", NetworkFactory.StepByStep().Fingerprint);
    }

    [Fact]
    public void IsTheSameForTheSameLayersAndDiffersAfterAStep()
    {
        Network net = NetworkFactory.StepByStep();
        Assert.Equal(net.Fingerprint, NetworkFactory.StepByStep().Fingerprint);
        Assert.NotEqual(net.Fingerprint, SeedWalkThrough.Step().After.Fingerprint);
    }

    [Fact]
    public void ChangesWithTheLastBitOfOneWeight()
    {
        double[] weights = { 0.15, 0.20, 0.25, 0.30 };
        string before = OneLayer(weights, 0.35).Fingerprint;
        weights[3] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(0.30) + 1);
        Assert.NotEqual(before, OneLayer(weights, 0.35).Fingerprint);
    }

    [Fact]
    public void ChangesWithTheActivationOrTheBiasMode()
    {
        string sigmoid = OneLayer(new[] { 0.15, 0.20, 0.25, 0.30 }, 0.35).Fingerprint;
        var tanh = new Network(new[] { new Layer(2, 2, new[] { 0.15, 0.20, 0.25, 0.30 }, new[] { 0.35 }, Activation.Tanh, BiasMode.Shared) });
        var perNeuron = new Network(new[] { new Layer(2, 2, new[] { 0.15, 0.20, 0.25, 0.30 }, new[] { 0.35, 0.35 }, Activation.Sigmoid) });
        Assert.NotEqual(sigmoid, tanh.Fingerprint);
        Assert.NotEqual(sigmoid, perNeuron.Fingerprint);
    }

    [Fact]
    public void CountsMinusZeroAsZero()
    {
        Assert.Equal(OneLayer(new[] { 0.0, 0.2, 0.25, 0.3 }, 0.0).Fingerprint, OneLayer(new[] { -0.0, 0.2, 0.25, 0.3 }, -0.0).Fingerprint);
    }

    [Fact]
    public void SurvivesTheNetworkFileAndLeavesTheSchemaOut()
    {
        Network net = NetworkFactory.Random(new[] { 4, 8, 3 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 3);
        Assert.Equal(net.Fingerprint, NetworkJson.Deserialize(NetworkJson.Serialize(net)).Fingerprint);
        var schema = new DataSchema(new[] { "w", "x", "y", "z" }, new[] { "label" }, new[] { "a", "b", "c" });
        Assert.Equal(net.Fingerprint, net.WithSchema(schema).Fingerprint);
    }

    [Fact]
    public void HashesALargeNetworkInPiecesAsItWouldWhole()
    {
        // 784 x 300 weights: many times the hashing buffer, and a layer that does not end on its boundary.
        Network net = NetworkFactory.Random(new[] { 784, 300, 10 }, new[] { Activation.ReLU, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 1);
        Assert.Equal(Whole(net), net.Fingerprint);
    }

    // The canonical bytes at once, as the fingerprint's summary describes them.
    private static string Whole(Network net)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("BackpropPS.Network 1\n"));
        foreach (Layer layer in net.Layers)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes($"layer {layer.InputSize}x{layer.OutputSize} {layer.Activation} {layer.BiasMode}\n"));
            foreach (double w in layer.Weights) bytes.AddRange(LittleEndian(w));
            bytes.AddRange(Encoding.UTF8.GetBytes("biases\n"));
            foreach (double b in layer.Biases) bytes.AddRange(LittleEndian(b));
        }
        using SHA256 sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(bytes.ToArray()).Take(4).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    private static byte[] LittleEndian(double value)
    {
        byte[] bytes = BitConverter.GetBytes(value + 0.0);
        if (!BitConverter.IsLittleEndian) Array.Reverse(bytes);
        return bytes;
    }

    private static Network OneLayer(double[] weights, double bias) =>
        new Network(new[] { new Layer(2, 2, weights, new[] { bias }, Activation.Sigmoid, BiasMode.Shared) });
}
