using System.Text.RegularExpressions;
using BackpropPS.Core.Data;

namespace BackpropPS.Core.Teaching
{
    /// <summary>Whether an answer was right, wrong, left empty or not a number.</summary>
    public enum AnswerStatus
    {
        /// <summary>Within the tolerance of the right value.</summary>
        Correct,
        /// <summary>A number, but not the right one.</summary>
        Wrong,
        /// <summary>No answer: the cell is empty or the row is not there.</summary>
        Missing,
        /// <summary>The cell holds text that is not a finite number (numbers are read with '.' as the decimal separator).</summary>
        NotANumber,
    }

    /// <summary>What a student wrote for one quantity: the cell's text, and its number when it is one.</summary>
    public sealed class StudentAnswer
    {
        // A number as NumberText reads it, when double.Parse found it too large (.NET Framework says so; .NET returns
        // infinity). ASCII digits only: \d would take other scripts' digits, which NumberText does not read.
        private static readonly Regex Decimal = new Regex(@"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$", RegexOptions.CultureInvariant);

        /// <summary>Creates an answer; <paramref name="value"/> is null when <paramref name="text"/> is empty or no finite number.</summary>
        public StudentAnswer(string quantity, string text, double? value)
        {
            Quantity = quantity; Text = text; Value = value;
            if (!string.IsNullOrWhiteSpace(text) && !(value.HasValue && IsFinite(value.Value))) (ErrorId, Problem) = Describe(text);
        }

        /// <summary>
        /// The answer in a worksheet's Answer cell, read as the module reads every number in text (NumberText: an
        /// invariant-culture decimal, never PowerShell's casts); NaN, infinities and numbers beyond a double are no answer.
        /// </summary>
        public static StudentAnswer FromCell(string quantity, string text)
        {
            double value = 0;
            bool number = !string.IsNullOrWhiteSpace(text) && NumberText.TryParse(text, null, out value) && IsFinite(value);
            return new StudentAnswer(quantity, text, number ? value : (double?)null);
        }

        /// <summary>The quantity's name as written in the sheet.</summary>
        public string Quantity { get; }

        /// <summary>The cell as written.</summary>
        public string Text { get; }

        /// <summary>The cell's number, if it is one.</summary>
        public double? Value { get; }

        /// <summary>NonNumericAnswer or NonFiniteAnswer for a cell that holds no finite number; null otherwise.</summary>
        public string ErrorId { get; }

        /// <summary>What is wrong with the cell, e.g. "expected a number; got '1,5'. Numbers are read with '.' ..."; null when nothing is.</summary>
        public string Problem { get; }

        private static (string, string) Describe(string text)
        {
            string shown = text.Length > 40 ? $"'{text.Substring(0, 40)}...' ({text.Length} characters)" : $"'{text}'";
            bool parsed = NumberText.TryParse(text, null, out double value);
            if (parsed && double.IsNaN(value)) return ("NonFiniteAnswer", $"expected a finite number; got {shown}.");
            if (parsed ? double.IsInfinity(value) : Decimal.IsMatch(text))
            {
                string beyond = text.Any(char.IsDigit) ? ", beyond the largest number a double holds (about 1.8E+308)" : "";
                return ("NonFiniteAnswer", $"expected a finite number; got {shown}{beyond}.");
            }
            return ("NonNumericAnswer", $"expected a number; got {shown}.{NumberText.Advice(text, null, null)}");
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }

    /// <summary>One graded quantity of a worksheet, as a flat row for Export-Csv.</summary>
    public sealed class ExerciseAnswer
    {
        internal ExerciseAnswer() { }

        /// <summary>The graded sheet (its file name), or empty.</summary>
        public string Sheet { get; internal set; }

        /// <summary>The quantity, e.g. delta_o1.</summary>
        public string Quantity { get; internal set; }

        /// <summary>Forward, Backward or Update.</summary>
        public ExercisePart Part { get; internal set; }

        /// <summary>The layer, from 1.</summary>
        public int Layer { get; internal set; }

        /// <summary>The student's number; empty when the cell is empty or not a number.</summary>
        public double? Answer { get; internal set; }

        /// <summary>The right value.</summary>
        public double Expected { get; internal set; }

        /// <summary>True when the answer is within the tolerance of the right value.</summary>
        public bool Correct { get; internal set; }

        /// <summary>Correct, Wrong, Missing or NotANumber.</summary>
        public AnswerStatus Status { get; internal set; }

        /// <summary>For a wrong answer, what most likely went wrong.</summary>
        public ExerciseMistake Mistake { get; internal set; }

        /// <summary>For a wrong answer, the first wrong quantity that explains it: itself, or an earlier answer it was computed from.</summary>
        public string RootCause { get; internal set; }

        /// <summary>What to tell the student, e.g. "delta_h1 is wrong because delta_o1 is; fix that first."</summary>
        public string Message { get; internal set; }

        /// <summary>
        /// True when the sheet was graded against the teacher's exercise (Test-BackpropExercise -Exercise) and
        /// carries its fingerprint; false when the exercise came from a file beside the sheet, which a student
        /// could have edited, or the sheet carries no fingerprint.
        /// </summary>
        public bool Verified { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => $"{Quantity}: {Status}";
    }
}
