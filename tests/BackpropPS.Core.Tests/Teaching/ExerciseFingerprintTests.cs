using System.IO;
using System.Linq;
using BackpropPS.Core.Teaching;
using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>An exercise's fingerprint: the same for the same exercise, wherever it comes from, and another for any change grading sees.</summary>
public class ExerciseFingerprintTests
{
    [Fact]
    public void TheSeedExercisesFingerprintIsPinned()
    {
        // Sheets already handed out carry it: a change of the canonical text would make every one of them a mismatch.
        Assert.Equal("sha256:eba852e909b51be9", Seed.Fingerprint);
        Assert.Matches("^sha256:[0-9a-f]{16}$", Exercise.FromSeed(3, new[] { 2, 3, 1 }, new[] { Activation.Tanh }, BiasMode.Shared).Fingerprint);
    }

    [Fact]
    public void TheSameExerciseHasTheSameFingerprintFromTheFileOrMadeAgain()
    {
        Assert.Equal(Seed.Fingerprint, ExerciseJson.Read(new StringReader(ExerciseJson.Serialize(Seed)), "x").Fingerprint);
        Assert.Equal(Seed.Fingerprint, Exercise.StepByStep().Fingerprint);
        // Its layout is no part of it, nor the seed or the example's name: only what grading depends on.
        string compact = string.Join(" ", ExerciseJson.Serialize(Seed).Split(new[] { '\n', ' ' }, System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Seed.Fingerprint, ExerciseJson.Read(new StringReader(compact.Replace("\"StepByStep\"", "null")), "x").Fingerprint);
    }

    [Fact]
    public void AnyChangeGradingSeesChangesIt()
    {
        Exercise Make(double learningRate = 0.5, int decimals = 4, ExercisePart[] parts = null, int[] layers = null, double x1 = 0.05,
            double y2 = 0.99, LossFunction loss = LossFunction.HalfSquaredError, double w = 0.15) =>
            Exercise.Create(With(w), new[] { x1, 0.10 }, new[] { 0.01, y2 }, loss, learningRate, decimals, parts, layers, null, null);
        Network With(double w11)
        {
            Layer first = Seed.Network.Layers[0];
            double[] weights = first.Weights.ToArray();
            weights[0] = w11;
            return new Network(new[] { new Layer(first.InputSize, first.OutputSize, weights, first.Biases, first.Activation, first.BiasMode), Seed.Network.Layers[1] });
        }
        string same = Make().Fingerprint;
        Assert.Equal(Seed.Fingerprint, same);
        string[] changed =
        {
            Make(learningRate: 0.25).Fingerprint, Make(decimals: 0).Fingerprint, Make(parts: new[] { ExercisePart.Forward }).Fingerprint,
            Make(layers: new[] { 2 }).Fingerprint, Make(x1: 0.06).Fingerprint, Make(y2: 0.98).Fingerprint,
            Make(loss: LossFunction.MeanSquaredError).Fingerprint, Make(w: 0.16).Fingerprint, Make(w: 0.15000000000000002).Fingerprint,
        };
        Assert.DoesNotContain(same, changed);
        Assert.Equal(changed.Length, changed.Distinct().Count());
        // -0 and 0 make the same step, so the same exercise.
        Assert.Equal(Make(w: 0.0).Fingerprint, Make(w: -0.0).Fingerprint);
    }
}
