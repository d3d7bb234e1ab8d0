using System.IO;
using System.Linq;
using BackpropPS.Core.Teaching;
using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>An exercise file is read as strictly as a network file, and one no worksheet can be is refused with an ErrorId that says why.</summary>
public class ExerciseLimitsTests
{
    [Fact]
    public void AnExerciseMadeBeyondTheLimitsIsRefusedAsAnArgument()
    {
        var e = Assert.Throws<BackpropException>(() => Exercise.StepByStep(learningRate: 1000));
        Assert.Equal(("ExerciseValueOutOfRange", BackpropErrorKind.InvalidArgument), (e.ErrorId, e.Kind));
        Assert.Equal("The learning rate is 1000; a worksheet's is at most 100.", e.Message);
        Assert.Equal("ExerciseValueOutOfRange", Assert.Throws<BackpropException>(() => Exercise.StepByStep(decimals: 13)).ErrorId);
        Assert.Equal("InvalidLearningRate", Assert.Throws<BackpropException>(() => Exercise.StepByStep(learningRate: double.NaN)).ErrorId);
        // The largest honest worksheet is within them: 4 layers of 7, every activation, the default rate, 12 decimals.
        foreach (Activation a in new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Linear })
            Assert.Equal(532, Exercise.FromSeed(1, new[] { 7, 7, 7, 7, 7 }, new[] { a }, BiasMode.PerNeuron, decimals: 12).Quantities.Count);
    }

    private static BackpropException Refused(string text) =>
        Assert.Throws<BackpropException>(() => ExerciseJson.Read(new StringReader(text), "x.exercise.json"));

    private static string Edited(string field, string bad)
    {
        string text = ExerciseJson.Serialize(Seed);
        Assert.Contains(field, text);
        return text.Replace(field, bad);
    }

    [Theory]
    [InlineData("[0.15,0.2]", "[1e300,0.2]", "ExerciseValueOutOfRange", "The given w1_11 is 1E+300")]
    [InlineData("\"bias\": 0.35", "\"bias\": -1001", "ExerciseValueOutOfRange", "The given b1 is -1001")]
    [InlineData("\"input\": [\n      0.05", "\"input\": [\n      1e300", "ExerciseValueOutOfRange", "The given x1 is 1E+300")]
    [InlineData("\"target\": [\n      0.01", "\"target\": [\n      1e10", "ExerciseValueOutOfRange", "The given y1 is 10000000000")]
    [InlineData("\"learningRate\": 0.5", "\"learningRate\": 1e300", "ExerciseValueOutOfRange", "The learning rate is 1E+300; a worksheet's is at most 100")]
    [InlineData("\"learningRate\": 0.5", "\"learningRate\": 0", "InvalidLearningRate", "The learning rate must be a positive finite number")]
    [InlineData("\"decimals\": 4", "\"decimals\": 99", "ExerciseValueOutOfRange", "expected exercise.decimals to be from 0 to 12; got 99")]
    [InlineData("\"decimals\": 4", "\"decimals\": -1", "ExerciseValueOutOfRange", "expected exercise.decimals to be from 0 to 12; got -1")]
    [InlineData("[0.15,0.2]", "[1e400,0.2]", "InvalidExerciseFile", "field 'layers[0].weights[0][0]' is missing or malformed; expected a finite number")]
    [InlineData("\"decimals\": 4", "\"decimals\": 4, \"decimals\": 0", "InvalidExerciseFile", "field 'exercise.decimals' is given twice")]
    [InlineData("\"learningRate\": 0.5", "\"learningRate\": NaN", "InvalidExerciseFile", "is not valid JSON")]
    public void AnAbsurdOrMalformedValueIsRefused(string field, string bad, string errorId, string message)
    {
        BackpropException e = Refused(Edited(field, bad));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(BackpropErrorKind.InvalidData, e.Kind);
        Assert.StartsWith("x.exercise.json", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void AStepWhoseNumbersGrowBeyondAWorksheetIsRefused()
    {
        // Linear layers of weights 1000 on inputs 1000: z comes to 7 000 000 in the first layer already.
        string row = "[" + string.Join(",", Enumerable.Repeat("1000", 7)) + "]";
        string layer = "{\"activation\": \"Linear\", \"bias\": null, \"weights\": [" + string.Join(",", Enumerable.Repeat(row, 7)) + "]}";
        BackpropException e = Refused(File(string.Join(",", Enumerable.Repeat(layer, 2)), "[" + string.Join(",", Enumerable.Repeat("1000", 7)) + "]",
            "[" + string.Join(",", Enumerable.Repeat("1", 7)) + "]", 4));
        Assert.Equal("ExerciseValueOutOfRange", e.ErrorId);
        Assert.Contains("The step's z_h1 comes to 7000000; a worksheet's numbers are at most 1000000", e.Message);
    }

    [Fact]
    public void MoreDecimalsThanTheStepsNumbersHoldAreRefused()
    {
        // z = 900*3 + 900*3 = 5400, and dE/dw1_11 = 5399*3 = 16197: to 12 decimals that is 17 significant digits.
        string text = File("{\"activation\": \"Linear\", \"bias\": [0], \"weights\": [[900, 900]]}", "[3, 3]", "[1]", 12);
        BackpropException e = Refused(text);
        Assert.Equal("ExerciseValueOutOfRange", e.ErrorId);
        Assert.Contains("more than the 15 significant digits a number holds", e.Message);
        Assert.Contains("Ask for at most 10 decimals", e.Message);
        Assert.Equal(10, ExerciseJson.Read(new StringReader(text.Replace("\"decimals\": 12", "\"decimals\": 10")), "x").Decimals);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(1, 5)]
    public void MoreQuantitiesThanASheetHoldsAreRefused(int neurons, int layers)
    {
        string row = "[" + string.Join(",", Enumerable.Repeat("0.1", neurons)) + "]";
        string layer = "{\"activation\": \"Sigmoid\", \"bias\": null, \"weights\": [" + string.Join(",", Enumerable.Repeat(row, neurons)) + "]}";
        string numbers = "[" + string.Join(",", Enumerable.Repeat("0.5", neurons)) + "]";
        BackpropException e = Refused(File(string.Join(",", Enumerable.Repeat(layer, layers)), numbers, numbers, 4));
        Assert.Equal("ExerciseTooLarge", e.ErrorId);
        Assert.StartsWith("x.exercise.json: A worksheet is done by hand: expected 1 to 4 layers of 1 to 7 neurons", e.Message);
    }

    [Fact]
    public void AFileLargerThanAnExerciseFileCanBeIsRefusedUnread()
    {
        string text = ExerciseJson.Serialize(Seed).TrimEnd() + new string(' ', ExerciseJson.MaxFileChars);
        Assert.Equal("ExerciseFileTooLarge", Refused(text).ErrorId);
        // The largest worksheet's file is far below the cap.
        Exercise largest = Exercise.FromSeed(1, new[] { 7, 7, 7, 7, 7 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron);
        Assert.True(ExerciseJson.Serialize(largest).Length < ExerciseJson.MaxFileChars / 20);
    }

    private static string File(string layers, string input, string target, int decimals) =>
        "{\"format\": \"BackpropPS.Network\", \"version\": 1, \"layers\": [" + layers + "], \"exercise\": {\"format\": \"BackpropPS.Exercise\", " +
        $"\"version\": 1, \"input\": {input}, \"target\": {target}, \"loss\": \"HalfSquaredError\", \"learningRate\": 0.5, \"decimals\": {decimals}, " +
        "\"parts\": [\"Forward\", \"Backward\", \"Update\"], \"layers\": [], \"seed\": null, \"example\": null}}";
}
