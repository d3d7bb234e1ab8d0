using System.Linq;
using System;
using BackpropPS.Core.Teaching;
using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>The grader: full marks for right answers, each mistake named, errors carried downstream traced to their root cause.</summary>
public class ExerciseGraderTests
{
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
    public void AGradeIsVerifiedOnlyWhenTheGraderSaysSoOnEveryRow()
    {
        ExerciseGrade unverified = ExerciseGrader.Grade(Seed, RightAnswers(4), "a.csv");
        Assert.False(unverified.Verified);
        Assert.All(unverified.Rows, r => Assert.False(r.Verified));
        Assert.Equal("100 % (32 of 32, unverified)", unverified.ToString());
        ExerciseGrade verified = ExerciseGrader.Grade(Seed, RightAnswers(4), "a.csv", verified: true);
        Assert.True(verified.Verified);
        Assert.All(verified.Rows, r => Assert.True(r.Verified));
        Assert.Equal(Seed.Fingerprint, verified.Fingerprint);
        Assert.Equal("100 % (32 of 32)", verified.ToString());
    }

    [Fact]
    public void MissingAndNonNumericAnswersAreMarkedOnTheirRows()
    {
        ExerciseGrade grade = GradeWith(("a_h1", null, ""), ("a_h2", null, "1,5"));
        Assert.Equal(AnswerStatus.Missing, grade.Rows.Single(r => r.Quantity == "a_h1").Status);
        ExerciseAnswer text = grade.Rows.Single(r => r.Quantity == "a_h2");
        Assert.Equal(AnswerStatus.NotANumber, text.Status);
        Assert.Equal("a_h2: expected a number; got '1,5'. Numbers are read with '.' as the decimal separator, without thousands separators.", text.Message);
        Assert.Equal(2, grade.Unanswered);
        Assert.Equal(30, grade.Correct);
        // A quantity left out of the sheet altogether is missing too.
        Assert.Equal(AnswerStatus.Missing, ExerciseGrader.Grade(Seed, RightAnswers(4).Skip(1)).Rows[0].Status);
    }
}
