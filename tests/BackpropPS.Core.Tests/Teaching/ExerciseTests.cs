using System.IO;
using System.Linq;
using System;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Teaching;

namespace BackpropPS.Core.Tests;

/// <summary>Worksheets: the quantities of a step, the mistake models, the grader, the exercise file.</summary>
public class ExerciseTests
{
    private const double Tolerance = 1e-12;
    private static readonly Exercise Seed = Exercise.StepByStep();

    // The seed walk-through's printed numbers (../shared/seed), and what follows from them by hand.
    private const double DeltaO1 = 0.138498561629, DeltaO2 = -0.038098236517, DeltaH1 = 0.008771354689;
    private const double AO1 = 0.751365069552;
    private static readonly double ZH1 = 0.05 * 0.15 + 0.10 * 0.20 + 0.35; // 0.3775
    private static readonly double AH1 = 1 / (1 + Math.Exp(-ZH1));
    private static readonly double ZH2 = 0.05 * 0.25 + 0.10 * 0.30 + 0.35;
    private static readonly double AH2 = 1 / (1 + Math.Exp(-ZH2));

    private static double Expected(string name) => Seed.Find(name).Expected;

    private static double With(string name, ExerciseMistake mistake, int variant = 0) =>
        StepFormulas.Compute(Seed, Seed.Find(name), Expected, mistake, variant);

    [Fact]
    public void TheSeedExerciseAsksEveryQuantityOfTheStepInTheOrderAStudentComputesThem()
    {
        string[] names = Seed.Quantities.Select(q => q.Name).ToArray();
        Assert.Equal(new[] { "z_h1", "z_h2", "a_h1", "a_h2", "z_o1", "z_o2", "a_o1", "a_o2",
            "delta_o1", "delta_o2", "dE/dw2_11", "dE/dw2_12", "dE/dw2_21", "dE/dw2_22", "dE/db2",
            "delta_h1", "delta_h2", "dE/dw1_11", "dE/dw1_12", "dE/dw1_21", "dE/dw1_22", "dE/db1",
            "w1_11", "w1_12", "w1_21", "w1_22", "b1", "w2_11", "w2_12", "w2_21", "w2_22", "b2" }, names);
    }

    [Theory]
    [InlineData("a_o1", AO1)]
    [InlineData("a_o2", 0.772928465321)]
    [InlineData("delta_o1", DeltaO1)]
    [InlineData("delta_o2", DeltaO2)]
    [InlineData("delta_h1", DeltaH1)]
    [InlineData("delta_h2", 0.009954254705)]
    [InlineData("w1_11", 0.149780716133)]
    [InlineData("w1_21", 0.199561432266)]
    [InlineData("b1", 0.340637195303)]
    [InlineData("w2_12", 0.511301270239)]
    [InlineData("b2", 0.549799837444)]
    [InlineData("dE/db2", (0.60 - 0.549799837444) / 0.5)]
    [InlineData("dE/dw1_21", (0.20 - 0.199561432266) / 0.5)]
    public void TheRightValuesAreTheSeeds(string name, double value) => Assert.Equal(value, Expected(name), Tolerance);

    [Fact]
    public void TheHintsNameTheFormulas()
    {
        Assert.Equal("z_h1 = w1_11*x1 + w1_21*x2 + b1", Seed.Find("z_h1").Hint);
        Assert.Equal("delta_o1 = (a_o1 - y1) * a_o1(1 - a_o1)", Seed.Find("delta_o1").Hint);
        Assert.Equal("delta_h1 = (w2_11*delta_o1 + w2_12*delta_o2) * a_h1(1 - a_h1)", Seed.Find("delta_h1").Hint);
        Assert.Equal("dE/db1 = delta_h1 + delta_h2", Seed.Find("dE/db1").Hint);
        Assert.Equal("w2_11 = old w2_11 - 0.5 * dE/dw2_11", Seed.Find("w2_11").Hint);
    }

    // The formulas the grader recomputes with give the module's own step, for every activation, loss and bias mode.
    [Theory]
    [InlineData(Activation.Sigmoid, Activation.Sigmoid, LossFunction.HalfSquaredError, BiasMode.Shared)]
    [InlineData(Activation.Tanh, Activation.Sigmoid, LossFunction.BinaryCrossEntropy, BiasMode.PerNeuron)]
    [InlineData(Activation.ReLU, Activation.Linear, LossFunction.MeanSquaredError, BiasMode.PerNeuron)]
    [InlineData(Activation.LeakyReLU, Activation.Softmax, LossFunction.CrossEntropy, BiasMode.None)]
    [InlineData(Activation.Sigmoid, Activation.Softmax, LossFunction.HalfSquaredError, BiasMode.Shared)]
    [InlineData(Activation.Softmax, Activation.Tanh, LossFunction.HalfSquaredError, BiasMode.PerNeuron)]
    public void RecomputingEachQuantityTheRightWayGivesTheStepsValue(Activation hidden, Activation output, LossFunction loss, BiasMode bias)
    {
        foreach (int seed in new[] { 1, 2, 3 })
        {
            Exercise e = Exercise.FromSeed(seed, new[] { 3, 3, 2, 2 }, new[] { hidden, hidden, output }, bias, loss);
            foreach (ExerciseQuantity q in e.AllQuantities)
                Assert.Equal(q.Expected, StepFormulas.Compute(e, q, n => e.Find(n).Expected, ExerciseMistake.None), 1e-12);
        }
    }

    [Fact]
    public void EachMistakeModelGivesWhatAStudentMakingItWrites()
    {
        Assert.Equal((AO1 - 0.01) * AO1, With("delta_o1", ExerciseMistake.ActivationAsDerivative), Tolerance);
        Assert.Equal(AO1 - 0.01, With("delta_o1", ExerciseMistake.ForgotActivationDerivative), Tolerance);
        Assert.Equal((0.358916479718 * DeltaO1 + 0.511301270239 * DeltaO2) * AH1 * (1 - AH1),
            With("delta_h1", ExerciseMistake.NewWeightInDownstreamSum), Tolerance);
        Assert.Equal(DeltaO1, With("dE/db2", ExerciseMistake.DroppedBiasSumTerm, 1), Tolerance);
        Assert.Equal(DeltaO2, With("dE/db2", ExerciseMistake.DroppedBiasSumTerm, 0), Tolerance);
        Assert.Equal(0.15 + (0.15 - 0.149780716133), With("w1_11", ExerciseMistake.SignFlipped), Tolerance);
        Assert.Equal(-DeltaO1, With("delta_o1", ExerciseMistake.SignFlipped), Tolerance);
        Assert.Equal(DeltaO1 * ZH1, With("dE/dw2_11", ExerciseMistake.ZInsteadOfA), Tolerance);
        Assert.Equal(0.40 * ZH1 + 0.45 * ZH2 + 0.60, With("z_o1", ExerciseMistake.ZInsteadOfA), Tolerance);
        Assert.Equal(0.05 * 0.15 + 0.10 * 0.20, With("z_h1", ExerciseMistake.ForgotBias), Tolerance);
        Assert.Equal(0.15 - (0.15 - 0.149780716133) / 0.5, With("w1_11", ExerciseMistake.ForgotLearningRate), Tolerance);
        // A mistake that cannot be made on a quantity gives nothing to match.
        Assert.True(double.IsNaN(With("dE/dw1_11", ExerciseMistake.ZInsteadOfA)));
        Assert.True(double.IsNaN(With("a_h1", ExerciseMistake.DroppedBiasSumTerm)));
    }

    private static StudentAnswer[] RightAnswers(int decimals) =>
        Seed.Quantities.Select(q => new StudentAnswer(q.Name, "x", Math.Round(q.Expected, decimals))).ToArray();

    private static ExerciseGrade GradeWith(params (string Name, double? Value, string Text)[] changes)
    {
        var answers = RightAnswers(4).ToDictionary(a => a.Quantity);
        foreach (var (name, value, text) in changes) answers[name] = new StudentAnswer(name, text, value);
        return ExerciseGrader.Grade(Seed, answers.Values);
    }

    [Fact]
    public void RightAnswersRoundedToTheDecimalsScoreFullMarks()
    {
        ExerciseGrade grade = ExerciseGrader.Grade(Seed, RightAnswers(4));
        Assert.Equal(100.0, grade.Score);
        Assert.Equal(32, grade.Correct);
        Assert.Equal("", grade.FirstRootCause);
        // Rounded to fewer decimals than asked, some are off by more than the tolerance.
        Assert.True(ExerciseGrader.Grade(Seed, RightAnswers(2)).Score < 100.0);
    }

    [Theory]
    [InlineData("delta_o1", ExerciseMistake.ActivationAsDerivative)]
    [InlineData("delta_h2", ExerciseMistake.ForgotActivationDerivative)]
    [InlineData("delta_h1", ExerciseMistake.NewWeightInDownstreamSum)]
    [InlineData("dE/db1", ExerciseMistake.DroppedBiasSumTerm)]
    [InlineData("w2_22", ExerciseMistake.SignFlipped)]
    [InlineData("dE/dw2_21", ExerciseMistake.ZInsteadOfA)]
    [InlineData("z_o2", ExerciseMistake.ForgotBias)]
    [InlineData("b2", ExerciseMistake.ForgotLearningRate)]
    public void AnInjectedMistakeIsNamed(string name, ExerciseMistake mistake)
    {
        double wrong = Math.Round(With(name, mistake, 1), 4);
        ExerciseAnswer row = GradeWith((name, wrong, "x")).Rows.Single(r => r.Quantity == name);
        Assert.Equal(AnswerStatus.Wrong, row.Status);
        Assert.Equal(mistake, row.Mistake);
        Assert.Equal(name, row.RootCause);
    }

    [Fact]
    public void AnErrorCarriedDownstreamPointsToItsRootCause()
    {
        // delta_o1 made with a instead of a(1 - a), then delta_h1 and dE/dw2_11 computed the right way from it.
        double deltaO1 = Math.Round((AO1 - 0.01) * AO1, 4);
        double deltaH1 = Math.Round((0.40 * deltaO1 + 0.50 * DeltaO2) * AH1 * (1 - AH1), 4);
        double gradient = Math.Round(deltaO1 * AH1, 4);
        ExerciseGrade grade = GradeWith(("delta_o1", deltaO1, "x"), ("delta_h1", deltaH1, "x"), ("dE/dw2_11", gradient, "x"));
        ExerciseAnswer h1 = grade.Rows.Single(r => r.Quantity == "delta_h1");
        Assert.Equal(ExerciseMistake.FromWrongEarlierAnswer, h1.Mistake);
        Assert.Equal("delta_o1", h1.RootCause);
        Assert.Equal("delta_h1 is wrong because delta_o1 is; fix that first.", h1.Message);
        Assert.Equal("delta_o1", grade.Rows.Single(r => r.Quantity == "dE/dw2_11").RootCause);
        Assert.Equal("delta_o1", grade.FirstRootCause);
        Assert.Equal(29, grade.Correct);
        Assert.Contains("2 later answers follow from it", grade.Advice);
    }

    [Fact]
    public void MissingAndNonNumericAnswersAreMarkedOnTheirRows()
    {
        ExerciseGrade grade = GradeWith(("a_h1", null, ""), ("a_h2", null, "1,5"));
        Assert.Equal(AnswerStatus.Missing, grade.Rows.Single(r => r.Quantity == "a_h1").Status);
        ExerciseAnswer text = grade.Rows.Single(r => r.Quantity == "a_h2");
        Assert.Equal(AnswerStatus.NotANumber, text.Status);
        Assert.Contains("'1,5' is not a number", text.Message);
        Assert.Equal(2, grade.Unanswered);
        Assert.Equal(30, grade.Correct);
        // A quantity left out of the sheet altogether is missing too.
        Assert.Equal(AnswerStatus.Missing, ExerciseGrader.Grade(Seed, RightAnswers(4).Skip(1)).Rows[0].Status);
    }

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
    [InlineData("\"decimals\": 4", "\"decimals\": 4294967300", "exercise.decimals")]
    [InlineData("\"layers\": []", "\"layers\": [3]", "exercise.layers")]
    [InlineData("\"loss\": \"HalfSquaredError\"", "\"loss\": \"Hinge\"", "exercise.loss")]
    [InlineData("\"learningRate\": 0.5", "\"learningRate\": \"0.5\"", "exercise.learningRate")]
    [InlineData("\"learningRate\": 0.5", "\"learningRate\": -1", "exercise")]
    public void AMalformedExerciseFieldIsNamed(string field, string bad, string named)
    {
        string text = ExerciseJson.Serialize(Seed).Replace(field, bad);
        Assert.NotEqual(ExerciseJson.Serialize(Seed), text);
        var e = Assert.Throws<BackpropException>(() => ExerciseJson.Read(new StringReader(text), "x.exercise.json"));
        Assert.Equal("InvalidExerciseFile", e.ErrorId);
        Assert.StartsWith($"x.exercise.json: expected {named} to be", e.Message);
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

    [Fact]
    public void TheWorksheetHasARowPerQuantityAndABlankPerQuantityInTheDiagram()
    {
        var csv = new StringWriter();
        Worksheet.WriteCsv(Seed, csv);
        string[] lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Quantity\",\"Answer\",\"Part\",\"Layer\",\"Hint\"", lines[0]);
        Assert.Equal("\"delta_o1\",\"\",\"Backward\",\"2\",\"delta_o1 = (a_o1 - y1) * a_o1(1 - a_o1)\"", lines[9]);
        Assert.Equal(33, lines.Length);
        Diagram d = Worksheet.Diagram(Seed);
        int blanks = d.Nodes.Sum(n => CountOf(n.Detail) + CountOf(n.Label)) + d.Edges.Where(x => !x.IsBias).Sum(x => CountOf(x.Label));
        // 12 z, a and delta blanks, 8 weights and 2 biases after the step (the gradients are in the CSV only).
        Assert.Equal(22, blanks);
        Assert.Contains(d.Nodes, n => n.Id == "o1" && n.Detail.Contains("y1 = 0.01"));
    }

    private static int CountOf(string text) => (text.Length - text.Replace(Worksheet.Blank, "").Length) / Worksheet.Blank.Length;
}
