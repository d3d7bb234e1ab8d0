using System.IO;
using System.Linq;
using BackpropPS.Core.Teaching;
using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>The exercise file: it round-trips, is a network file too, and names a malformed field.</summary>
public class ExerciseJsonTests
{
    [Fact]
    public void TheExerciseFileRoundTripsAndIsANetworkFile()
    {
        Exercise e = Exercise.FromSeed(11, new[] { 2, 2, 1 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.Shared,
            LossFunction.BinaryCrossEntropy, 0.25, 6, new[] { ExercisePart.Backward }, new[] { 2 });
        string text = ExerciseJson.Serialize(e);
        Exercise back = ExerciseJson.Read(new StringReader(text), "test");
        Assert.Equal(e.Quantities.Select(q => (q.Name, q.Expected)), back.Quantities.Select(q => (q.Name, q.Expected)));
        Assert.Equal((6, 0.25, 11L, LossFunction.BinaryCrossEntropy), (back.Decimals, back.LearningRate, back.Seed.Value, back.Loss));
        Assert.Equal(NetworkJson.Serialize(e.Network), NetworkJson.Serialize(NetworkJson.Deserialize(text)));
        var bad = Assert.Throws<BackpropException>(() => ExerciseJson.Read(new StringReader(NetworkJson.Serialize(e.Network)), "net.json"));
        Assert.Equal("InvalidExerciseFile", bad.ErrorId);
    }

    [Theory]
    [InlineData("\"decimals\": 4", "\"decimals\": 4.0", "exercise.decimals")]
    [InlineData("\"layers\": []", "\"layers\": [3]", "exercise.layers")]
    [InlineData("\"loss\": \"HalfSquaredError\"", "\"loss\": \"Hinge\"", "exercise.loss")]
    [InlineData("\"learningRate\": 0.5", "\"learningRate\": \"0.5\"", "exercise.learningRate")]
    [InlineData("\"learningRate\": 0.5", "\"learningRate\": 1e400", "exercise.learningRate")]
    [InlineData("\"input\": [\n      0.05", "\"input\": [\n      1e400", "exercise.input[0]")]
    [InlineData("\"target\": [\n      0.01", "\"target\": [\n      true", "exercise.target[0]")]
    [InlineData("\"parts\": [", "\"parts\": [\"Sideways\", ", "exercise.parts[0]")]
    public void AMalformedExerciseFieldIsNamed(string field, string bad, string named)
    {
        string text = ExerciseJson.Serialize(Seed).Replace(field, bad);
        Assert.NotEqual(ExerciseJson.Serialize(Seed), text);
        var e = Assert.Throws<BackpropException>(() => ExerciseJson.Read(new StringReader(text), "x.exercise.json"));
        Assert.Equal("InvalidExerciseFile", e.ErrorId);
        Assert.StartsWith($"x.exercise.json: expected {named} to be", e.Message);
    }
}
