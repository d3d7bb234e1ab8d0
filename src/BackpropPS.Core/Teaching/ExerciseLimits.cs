using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// What a worksheet can be: given numbers a student works with by hand, a step whose numbers stay finite and
    /// small, and no more decimals than a double holds. An exercise file that asks for more is refused, so that
    /// no file can make grading meaningless (infinite right answers, or a tolerance finer than the numbers).
    /// </summary>
    internal static class ExerciseLimits
    {
        public static void EnsureGiven(Network network, double[] input, double[] target, double learningRate, int decimals)
        {
            if (decimals < 0 || decimals > Exercise.MaxDecimals)
                throw OutOfRange($"Expected from 0 to {Exercise.MaxDecimals} decimals; got {decimals}.");
            if (learningRate > Exercise.MaxLearningRate)
                throw OutOfRange($"The learning rate is {N(learningRate)}; a worksheet's is at most {N(Exercise.MaxLearningRate)}.");
            if (input.Concat(target).Any(v => double.IsNaN(v) || double.IsInfinity(v)))
                throw BackpropException.Argument("NonFiniteInput", "The input and the target must be finite numbers.");
            var given = ParameterId.All(network).Select(p => (Name: p.Name, Value: p.ValueIn(network)))
                .Concat(input.Select((v, i) => (Name: NeuronNames.Input(i + 1), Value: v)))
                .Concat(target.Select((v, j) => (Name: "y" + (j + 1), Value: v)));
            foreach (var (name, value) in given)
            {
                if (!(Math.Abs(value) <= Exercise.MaxGiven))
                {
                    throw OutOfRange($"The given {name} is {N(value)}; a worksheet's given numbers (weights, biases, inputs, targets) " +
                        $"are at most {N(Exercise.MaxGiven)} in size, to be worked by hand.");
                }
            }
        }

        public static void EnsureStep(Exercise exercise)
        {
            ExerciseQuantity largest = null;
            foreach (ExerciseQuantity q in exercise.AllQuantities)
            {
                if (!(Math.Abs(q.Expected) <= Exercise.MaxQuantity))
                {
                    throw OutOfRange($"The step's {q.Name} comes to {N(q.Expected)}; a worksheet's numbers are at most {N(Exercise.MaxQuantity)} " +
                        "in size. Choose smaller given numbers or a smaller learning rate.");
                }
                if (largest == null || Math.Abs(q.Expected) > Math.Abs(largest.Expected)) largest = q;
            }
            // An answer to d decimals of a value v has log10|v| + d significant digits; a double holds 15.
            double size = Math.Abs(largest?.Expected ?? 0);
            if (size * Math.Pow(10, exercise.Decimals) > Math.Pow(10, Exercise.MaxSignificantDigits))
            {
                int most = Math.Max(0, (int)Math.Floor(Exercise.MaxSignificantDigits - Math.Log10(size)));
                throw OutOfRange($"The step's {largest.Name} comes to {N(largest.Expected)}: to {exercise.Decimals} decimals that is more than the " +
                    $"{Exercise.MaxSignificantDigits} significant digits a number holds, so even the right answer could be marked wrong. Ask for at most {most} decimals.");
            }
        }

        private static string N(double value) => StepQuantities.Number(value);

        private static BackpropException OutOfRange(string message) => BackpropException.Argument("ExerciseValueOutOfRange", message);
    }
}
