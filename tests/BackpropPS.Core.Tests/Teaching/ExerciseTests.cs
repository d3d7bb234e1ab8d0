using System.Linq;
using System;
using BackpropPS.Core.Teaching;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>An exercise: the same seed gives the same numbers, each worked by hand; a teacher chooses the parts and the layers.</summary>
public class ExerciseTests
{
    [Fact]
    public void TheSameSeedGivesTheSameExerciseAndAnotherSeedOtherNumbers()
    {
        string Text(int seed) => ExerciseJson.Serialize(Exercise.FromSeed(seed, new[] { 2, 3, 2 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron));
        Assert.Equal(Text(7), Text(7));
        Assert.NotEqual(Text(7), Text(8));
        Exercise e = Exercise.FromSeed(7, new[] { 2, 3, 2 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron);
        // Every given number has two decimals, to be worked by hand; the biases are drawn too.
        Assert.All(e.Input.Concat(e.Target).Concat(e.Network.Layers.SelectMany(l => l.Weights.Concat(l.Biases))),
            v => Assert.Equal(Math.Round(v, 2), v));
        Assert.Contains(e.Network.Layers[0].Biases, b => b != 0.0);
    }

    [Fact]
    public void ATeacherChoosesThePartsAndTheLayer()
    {
        Exercise e = Exercise.StepByStep(parts: new[] { ExercisePart.Backward }, layers: new[] { 1 });
        Assert.Equal(new[] { "delta_h1", "delta_h2", "dE/dw1_11", "dE/dw1_12", "dE/dw1_21", "dE/dw1_22", "dE/db1" }, e.Quantities.Select(q => q.Name));
        Assert.Equal("LayerOutOfRange", Assert.Throws<BackpropException>(() => Exercise.StepByStep(layers: new[] { 3 })).ErrorId);
        Assert.Equal("ExerciseTooLarge", Assert.Throws<BackpropException>(() =>
            Exercise.FromSeed(1, new[] { 784, 10 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron)).ErrorId);
    }
}
