using System.Globalization;

namespace BackpropPS.Core.Teaching
{
    /// <summary>The grade of one filled worksheet: the score, the counts, where to start, and every row.</summary>
    public sealed class ExerciseGrade
    {
        internal ExerciseGrade() { }

        /// <summary>The graded sheet (its file name), or empty.</summary>
        public string Sheet { get; internal set; }

        /// <summary>Correct answers as a percentage of the quantities asked, from 0 to 100.</summary>
        public double Score { get; internal set; }

        /// <summary>Answers within the tolerance.</summary>
        public int Correct { get; internal set; }

        /// <summary>Quantities asked.</summary>
        public int Total { get; internal set; }

        /// <summary>Answers that are numbers but wrong.</summary>
        public int Wrong { get; internal set; }

        /// <summary>Answers missing or not numbers.</summary>
        public int Unanswered { get; internal set; }

        /// <summary>The first wrong quantity whose error explains later ones: fix it first. Empty when nothing is wrong.</summary>
        public string FirstRootCause { get; internal set; }

        /// <summary>What to do first, in words.</summary>
        public string Advice { get; internal set; }

        /// <summary>
        /// True when the sheet was graded against the teacher's exercise (Test-BackpropExercise -Exercise) and
        /// carries its fingerprint; false when the exercise came from a file beside the sheet, which a student
        /// could have edited, or the sheet carries no fingerprint.
        /// </summary>
        public bool Verified { get; internal set; }

        /// <summary>The fingerprint of the exercise the sheet was graded against.</summary>
        public string Fingerprint { get; internal set; }

        /// <summary>One row per quantity asked.</summary>
        public IReadOnlyList<ExerciseAnswer> Rows { get; internal set; }

        /// <inheritdoc />
        public override string ToString() =>
            $"{Score.ToString("0.#", CultureInfo.InvariantCulture)} % ({Correct} of {Total}{(Verified ? "" : ", unverified")})";
    }
}
