using System.Globalization;
using BackpropPS.Core.Training;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// Rebuilds the result of Find-BackpropLearningRate: its range, its rows as the test gives them (steps 1, 2, ...
    /// at rates from the minimum up, finite losses until the one blow-up row that may end them), and its summary
    /// (the suggested step and its slope, the steps taken, the blow-up) agreeing with its rows.
    /// </summary>
    internal static class LearningRateResultTravel
    {
        public static LearningRateRangeResult Rebuild(DeserializedObject fields)
        {
            OptimizerKind optimizer = fields.Choice<OptimizerKind>("Optimizer");
            double min = fields.Number("MinLearningRate", "a positive finite number", v => v > 0);
            double max = fields.Number("MaxLearningRate", $"a finite number above MinLearningRate ({Text(min)})", v => v > min);
            int steps = fields.Whole("Steps", "a whole number of 2 or more", 2);
            IReadOnlyList<DeserializedObject> bags = fields.Items("Rows", "the rows of the steps taken");
            if (bags.Count == 0 || bags.Count > steps) throw fields.Invalid("Rows", $"from 1 to {steps} rows (Steps), one per step taken");

            var range = new LearningRateRange { MinLearningRate = min, MaxLearningRate = max, Steps = steps };
            var rows = bags.Select((bag, k) => Row(bag, k, bags.Count, range)).ToList();

            int? suggested = fields.OptionalWhole("SuggestedStep", $"a step from 1 to {rows.Count}, or none", 1, rows.Count);
            double? slope = fields.OptionalNumber("SteepestSlope", "a negative finite number (with a SuggestedStep), or none", v => v < 0);
            if (suggested.HasValue != slope.HasValue)
                throw fields.Invalid("SteepestSlope", suggested.HasValue ? $"the slope at step {suggested}" : "none, as there is no SuggestedStep");
            for (int k = 0; k < rows.Count; k++)
            {
                bool marked = rows[k].Step == suggested;
                if (rows[k].Suggested != marked)
                    throw bags[k].Invalid("Suggested", marked ? "$true, as SuggestedStep names this step" : "$false: only the step SuggestedStep names is suggested");
                if (marked && rows[k].Diverged) throw fields.Invalid("SuggestedStep", "a step before the blow-up");
            }

            var result = new LearningRateRangeResult(optimizer, min, max, steps, rows, suggested, slope);
            // What it showed of itself must be what its rows say.
            fields.Agrees("StepsTaken", result.StepsTaken, "the number of its rows");
            fields.Agrees("SuggestedLearningRate", result.SuggestedLearningRate, "the rate of its SuggestedStep");
            fields.Agrees("DivergedAtStep", result.DivergedAtStep, "the step of its blow-up row");
            return result;
        }

        private static LearningRateRangeRow Row(DeserializedObject row, int k, int count, LearningRateRange range)
        {
            int step = row.Whole("Step", $"{k + 1} (rows are the steps in order, from 1)", k + 1, k + 1);
            // The schedule's rate (to 1e-9, as another machine's Math.Pow may differ in the last bit): a rate or a Steps
            // changed by hand would draw the curve at rates the test never ran.
            double scheduled = range.RateAt(step);
            double rate = row.Number("LearningRate", $"{Text(scheduled)}, the rate of step {step} from MinLearningRate to MaxLearningRate in {range.Steps} steps",
                v => Math.Abs(v - scheduled) <= 1e-9 * scheduled);
            bool diverged = row.Flag("Diverged");
            if (diverged && k != count - 1) throw row.Invalid("Diverged", "$false: only the last row can be the blow-up");
            // The blow-up row's loss may be NaN or infinite: that is what ended the test.
            double loss = diverged ? row.AnyNumber("Loss", "a number") : row.Number("Loss", "a finite number (only the blow-up row's may be NaN or infinite)");
            double smoothed = diverged ? row.AnyNumber("SmoothedLoss", "a number") : row.Number("SmoothedLoss", "a finite number (only the blow-up row's may be NaN or infinite)");
            return new LearningRateRangeRow(step, rate, loss, smoothed, diverged, row.Flag("Suggested"));
        }

        private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
