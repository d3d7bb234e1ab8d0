using BackpropPS.Core.Teaching;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>A worksheet's Answer cell, read as the module reads every number in text, and what it says about a cell that holds none.</summary>
public class StudentAnswerTests
{
    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData(" -1.25e-3 ", -0.00125)]
    [InlineData("+2", 2.0)]
    [InlineData("1e-400", 0.0)]
    public void ANumberInTheInvariantCultureIsAnAnswer(string text, double value)
    {
        StudentAnswer a = StudentAnswer.FromCell("z_h1", text);
        Assert.Equal(value, a.Value);
        Assert.Null(a.ErrorId);
        Assert.Null(a.Problem);
    }

    [Theory]
    [InlineData("abc", "NonNumericAnswer", "expected a number; got 'abc'.")]
    [InlineData("True", "NonNumericAnswer", "expected a number; got 'True'.")]
    [InlineData("0x10", "NonNumericAnswer", "expected a number; got '0x10'. Numbers are read with '.' as the decimal separator, without thousands separators.")]
    [InlineData("1,5", "NonNumericAnswer", "expected a number; got '1,5'. Numbers are read with '.' as the decimal separator, without thousands separators.")]
    [InlineData("10kb", "NonNumericAnswer", "expected a number; got '10kb'. Numbers are read with '.' as the decimal separator, without thousands separators.")]
    [InlineData("\u0661\u0662", "NonNumericAnswer", "expected a number; got '\u0661\u0662'. Numbers are read with '.' as the decimal separator, without thousands separators.")]
    [InlineData("\u22120.5", "NonNumericAnswer", "expected a number; got '\u22120.5'. Numbers are read with '.' as the decimal separator, without thousands separators.")]
    [InlineData("NaN", "NonFiniteAnswer", "expected a finite number; got 'NaN'.")]
    [InlineData("Infinity", "NonFiniteAnswer", "expected a finite number; got 'Infinity'.")]
    [InlineData("-Infinity", "NonFiniteAnswer", "expected a finite number; got '-Infinity'.")]
    [InlineData("1e400", "NonFiniteAnswer", "expected a finite number; got '1e400', beyond the largest number a double holds (about 1.8E+308).")]
    [InlineData("-2e308", "NonFiniteAnswer", "expected a finite number; got '-2e308', beyond the largest number a double holds (about 1.8E+308).")]
    public void ACellThatHoldsNoFiniteNumberSaysWhatCame(string text, string errorId, string problem)
    {
        StudentAnswer a = StudentAnswer.FromCell("z_h1", text);
        Assert.Null(a.Value);
        Assert.Equal(errorId, a.ErrorId);
        Assert.Equal(problem, a.Problem);
    }

    [Fact]
    public void AnEmptyCellIsNoAnswerAndNoProblem()
    {
        foreach (string text in new[] { null, "", "  " })
        {
            StudentAnswer a = StudentAnswer.FromCell("z_h1", text);
            Assert.Null(a.Value);
            Assert.Null(a.Problem);
        }
    }

    [Fact]
    public void ALongCellIsShortenedInTheMessage()
    {
        StudentAnswer a = StudentAnswer.FromCell("z_h1", new string('x', 100000));
        Assert.Equal($"expected a number; got '{new string('x', 40)}...' (100000 characters).", a.Problem);
    }
}
