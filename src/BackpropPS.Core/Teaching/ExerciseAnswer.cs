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
        /// <summary>The cell holds text that is not a number (numbers are read with '.' as the decimal separator).</summary>
        NotANumber,
    }

    /// <summary>What a student wrote for one quantity: the cell's text, and its number when it is one.</summary>
    public sealed class StudentAnswer
    {
        /// <summary>Creates an answer; <paramref name="value"/> is null when <paramref name="text"/> is empty or no finite number.</summary>
        public StudentAnswer(string quantity, string text, double? value)
        {
            Quantity = quantity; Text = text; Value = value;
        }

        /// <summary>The quantity's name as written in the sheet.</summary>
        public string Quantity { get; }

        /// <summary>The cell as written.</summary>
        public string Text { get; }

        /// <summary>The cell's number, if it is one.</summary>
        public double? Value { get; }
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

        /// <inheritdoc />
        public override string ToString() => $"{Quantity}: {Status}";
    }
}
