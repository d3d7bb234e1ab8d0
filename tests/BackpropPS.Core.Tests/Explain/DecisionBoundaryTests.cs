using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;
using static BackpropPS.Core.Tests.Explain.BoundaryNetwork;

namespace BackpropPS.Core.Tests.Explain;

/// <summary>Decision boundaries (issue 12): the class and neuron maps against a plain recomputation by hand.</summary>
public class DecisionBoundaryTests
{
    // The seed network by hand: h = sigmoid(W1 x + 0.35), o = sigmoid(W2 h + 0.60).
    private static double[] SeedByHand(double x1, double x2)
    {
        double h1 = Sigmoid(0.15 * x1 + 0.20 * x2 + 0.35), h2 = Sigmoid(0.25 * x1 + 0.30 * x2 + 0.35);
        return new[] { Sigmoid(0.40 * h1 + 0.45 * h2 + 0.60), Sigmoid(0.50 * h1 + 0.55 * h2 + 0.60) };
    }

    [Fact]
    public void SeedNetwork_ProbabilitiesAreItsOutputsAtEveryPoint_ComputedByHand()
    {
        var grid = new BoundaryGrid(-3, 3, -2, 4, 7);
        BoundaryMap map = DecisionBoundary.Classes(NetworkFactory.StepByStep(), grid);
        Assert.Equal(new[] { "0", "1" }, map.Labels);
        for (int point = 0; point < grid.Count; point++)
        {
            double x = -3 + point % 7, y = -2 + point / 7;
            double[] expected = SeedByHand(x, y);
            Assert.Equal(expected[0], map.Probability(point, 0), 12);
            Assert.Equal(expected[1], map.Probability(point, 1), 12);
            Assert.Equal(expected[1] > expected[0] ? 1 : 0, map.Predicted(point));
        }
    }

    [Fact]
    public void StandardizedNetwork_TheGridIsInRawUnits_AndScaledAsPredictionScalesIt()
    {
        var scaling = new InputScaling(new[] { 10.0, -5 }, new[] { 2.0, 4 });
        var network = Small(new DataSchema(new[] { "height", "weight" }, new[] { "label" }, null, scaling));
        var grid = new BoundaryGrid(6, 14, -13, 3, 9);
        BoundaryMap map = DecisionBoundary.Classes(network, grid);
        Assert.Equal(new[] { "0", "1" }, map.Labels);
        for (int point = 0; point < grid.Count; point++)
        {
            double x = 6 + point % 9, y = -13 + 2 * (point / 9);
            double p = SmallByHand((x - 10) / 2, (y + 5) / 4);
            Assert.Equal(1 - p, map.Probability(point, 0), 12);
            Assert.Equal(p, map.Probability(point, 1), 12);
            Assert.Equal(p >= 0.5 ? 1 : 0, map.Predicted(point));
        }
        // The same answer as the network's own prediction of that raw point.
        double[] predicted = Backpropagation.Forward(network, network.PrepareInputs(Matrix.FromRow(7, 1))).Output.ToArray();
        Assert.Equal(predicted[0], map.Probability(1 + 9 * 7, 1), 15);
    }

    [Fact]
    public void AClassifiersLabelsComeFromItsSchema_OneOutputForTwoLabelsGivesBoth()
    {
        var network = Small(new DataSchema(new[] { "a", "b" }, new[] { "kind" }, new[] { "cat", "dog" }));
        BoundaryMap map = DecisionBoundary.Classes(network, new BoundaryGrid(0, 1, 0, 1, 2));
        Assert.Equal(new[] { "cat", "dog" }, map.Labels);
        double p = SmallByHand(1, 1);
        Assert.Equal(p, map.Probability(3, 1), 12);
    }

    [Fact]
    public void ANetworkWithoutTwoInputsIsRefused()
    {
        Network three = NetworkFactory.Random(new[] { 3, 2 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 1);
        var e = Assert.Throws<BackpropException>(() => DecisionBoundary.Classes(three, new BoundaryGrid(0, 1, 0, 1, 2)));
        Assert.Equal("NotTwoInputs", e.ErrorId);
        Assert.Contains("3-2", e.Message);
    }

    [Fact]
    public void NeuronMaps_AreEachHiddenNeuronsOutput_NamedAsTheModuleNamesThem()
    {
        var grid = new BoundaryGrid(-1, 1, -1, 1, 5);
        NeuronMap map = DecisionBoundary.Neurons(Small(), grid, 1);
        Assert.Equal(new[] { "h1", "h2" }, map.Names);
        Assert.Equal(Activation.Tanh, map.Activation);
        for (int point = 0; point < grid.Count; point++)
        {
            double x = grid.X(point % 5), y = grid.Y(point / 5);
            Assert.Equal(Math.Tanh(1.5 * x - 2.0 * y + 0.25), map.Value(point, 0), 12);
            Assert.Equal(Math.Tanh(0.5 * x + 1.0 * y - 0.5), map.Value(point, 1), 12);
        }
        Assert.Equal(new[] { "o1" }, DecisionBoundary.Neurons(Small(), grid, 2).Names);
        Assert.Equal("LayerNotFound", Assert.Throws<BackpropException>(() => DecisionBoundary.Neurons(Small(), grid, 3)).ErrorId);
    }

    [Fact]
    public void AMapOfMoreValuesThanItKeepsIsRefusedBeforeAnyIsComputed()
    {
        var finest = new BoundaryGrid(0, 1, 0, 1, BoundaryGrid.MaxResolution);
        Network wide = NetworkFactory.Random(new[] { 2, 65, 65 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 1);
        var classes = Assert.Throws<BackpropException>(() => DecisionBoundary.Classes(wide, finest));
        Assert.Equal("BoundaryTooLarge", classes.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, classes.Kind);
        Assert.Equal("A map keeps at most 64,000,000 values; 1000 x 1000 points of 65 classes are 65,000,000. Choose a lower -Resolution.", classes.Message);
        Assert.Equal("BoundaryTooLarge", Assert.Throws<BackpropException>(() => DecisionBoundary.Neurons(wide, finest, 1)).ErrorId);
        // Just within: 64 classes.
        Assert.Equal(64, DecisionBoundary.Classes(NetworkFactory.Random(new[] { 2, 64 }, new[] { Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 1),
            new BoundaryGrid(0, 1, 0, 1, 10)).Labels.Count);
    }
}
