using System.Runtime.CompilerServices;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Evaluation
{
    /// <summary>
    /// How correctness is judged, from the targets: one-hot rows are classes (right when the largest
    /// output is the hot one); other 0/1 targets are yes/no outputs (right when every output is on the
    /// right side of 0.5); anything else is regression, which has no accuracy.
    /// </summary>
    public enum AccuracyKind
    {
        /// <summary>Regression: no accuracy.</summary>
        None,
        /// <summary>One-hot targets: the arg-max output must be the hot one.</summary>
        ArgMax,
        /// <summary>0/1 targets: each output thresholded at 0.5 must equal its target.</summary>
        Threshold,
    }

    /// <summary>Counts correct predictions.</summary>
    public static class Accuracy
    {
        /// <summary>The kind of accuracy the targets call for.</summary>
        public static AccuracyKind KindFor(Matrix targets)
        {
            bool binary = true, oneHot = targets.Columns > 1;
            for (int r = 0; r < targets.Rows && binary; r++)
            {
                double sum = 0;
                for (int c = 0; c < targets.Columns; c++)
                {
                    double t = targets[r, c];
                    if (t != 0.0 && t != 1.0) { binary = false; break; }
                    sum += t;
                }
                if (sum != 1.0) oneHot = false;
            }
            return !binary ? AccuracyKind.None : oneHot ? AccuracyKind.ArgMax : AccuracyKind.Threshold;
        }

        /// <summary>How many rows of <paramref name="output"/> match <paramref name="targets"/>.</summary>
        public static int CountCorrect(AccuracyKind kind, Matrix output, Matrix targets)
        {
            int correct = 0;
            for (int r = 0; r < output.Rows; r++)
            {
                if (kind == AccuracyKind.ArgMax ? ArgMax(output, r) == ArgMax(targets, r) : AllOnTheRightSide(output, targets, r))
                    correct++;
            }
            return correct;
        }

        /// <summary>
        /// How many of the first <paramref name="rows"/> rows of <paramref name="output"/> match
        /// <paramref name="targets"/>, both row-major with <paramref name="columns"/> values a row.
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        internal static int CountCorrect(AccuracyKind kind, double[] output, double[] targets, int rows, int columns)
        {
            int correct = 0;
            for (int r = 0; r < rows; r++)
            {
                int o = r * columns;
                bool right;
                if (kind == AccuracyKind.ArgMax)
                {
                    right = ClassOf(output, o, columns) == ClassOf(targets, o, columns);
                }
                else
                {
                    right = true;
                    for (int c = 0; c < columns && right; c++) right = IsOn(output[o + c]) == (targets[o + c] == 1.0);
                }
                if (right) correct++;
            }
            return correct;
        }

        /// <summary>
        /// The class an output row stands for, the one definition of a prediction: the largest of
        /// <paramref name="columns"/> outputs (the first, on a tie), or for a single output 1 when it is at least
        /// 0.5 and 0 below. The trainer's accuracy and Measure-BackpropAccuracy both count with it.
        /// </summary>
        public static int ClassOf(double[] values, int offset, int columns)
        {
            if (columns == 1) return IsOn(values[offset]) ? 1 : 0;
            int best = 0;
            for (int c = 1; c < columns; c++) if (values[offset + c] > values[offset + best]) best = c;
            return best;
        }

        /// <summary>A yes/no output says yes at 0.5 and above.</summary>
        public static bool IsOn(double output) => output >= 0.5;

        /// <summary>The column of the largest value in row <paramref name="row"/> (the first, on a tie).</summary>
        public static int ArgMax(Matrix values, int row)
        {
            int best = 0;
            for (int c = 1; c < values.Columns; c++) if (values[row, c] > values[row, best]) best = c;
            return best;
        }

        private static bool AllOnTheRightSide(Matrix output, Matrix targets, int row)
        {
            for (int c = 0; c < output.Columns; c++) if (IsOn(output[row, c]) != (targets[row, c] == 1.0)) return false;
            return true;
        }
    }
}
