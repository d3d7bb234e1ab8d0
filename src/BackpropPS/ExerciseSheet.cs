using BackpropPS.Core.Teaching;

namespace BackpropPS
{
    /// <summary>
    /// What New-BackpropExercise made: the exercise, and the worksheet files it wrote (none without -Path).
    /// Give it to Test-BackpropExercise -Exercise to grade sheets against the teacher's own exercise.
    /// </summary>
    public sealed class ExerciseSheet
    {
        /// <summary>Creates the description.</summary>
        public ExerciseSheet(Exercise exercise, string path, string diagramPath, string exercisePath)
        {
            Exercise = exercise; Path = path; DiagramPath = diagramPath; ExercisePath = exercisePath;
        }

        /// <summary>The exercise: network, input, target, settings and the quantities with their right values.</summary>
        public Exercise Exercise { get; }

        /// <summary>The worksheet CSV a student fills in (Quantity, Answer, Part, Layer, Hint); empty without -Path.</summary>
        public string Path { get; }

        /// <summary>The SVG diagram with the given numbers and the blanks; empty without -Path.</summary>
        public string DiagramPath { get; }

        /// <summary>The exercise file Test-BackpropExercise grades with (a network file with the exercise's settings); empty without -Path.</summary>
        public string ExercisePath { get; }

        /// <summary>Rows of the worksheet: the quantities asked.</summary>
        public int QuantityCount => Exercise.Quantities.Count;

        /// <summary>The network's layer sizes, e.g. 2-2-2.</summary>
        public string Shape => Exercise.Network.Shape;

        /// <summary>The seed the exercise was drawn from, or empty for a built-in example.</summary>
        public long? Seed => Exercise.Seed;

        /// <summary>The built-in example, or empty.</summary>
        public string Example => Exercise.Example;

        /// <summary>The exercise's fingerprint, which every row of the worksheet carries: a sheet is graded only against its own exercise.</summary>
        public string Fingerprint => Exercise.Fingerprint;

        /// <summary>Decimals an answer must have right.</summary>
        public int Decimals => Exercise.Decimals;

        /// <summary>The parts asked for.</summary>
        public IReadOnlyList<ExercisePart> Part => Exercise.Parts;

        /// <inheritdoc />
        public override string ToString() => Exercise.ToString();
    }
}
