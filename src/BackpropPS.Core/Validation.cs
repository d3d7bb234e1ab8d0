namespace BackpropPS.Core
{
    /// <summary>Checks shared by the passes and the optimizers.</summary>
    internal static class Validation
    {
        public static void EnsureBatch(Matrix batch, int width, string what, string sizeErrorId, string finiteErrorId)
        {
            if (batch == null || batch.Rows == 0)
                throw BackpropException.Argument(sizeErrorId, $"Expected at least one {what} sample of {width} values; got none.");
            if (batch.Columns != width)
            {
                throw BackpropException.Argument(sizeErrorId,
                    $"Expected {width} {what} values per sample (the network's {(what == "input" ? "input" : "output")} size); got {batch.Columns}.");
            }
            if (!batch.IsFinite())
                throw BackpropException.Argument(finiteErrorId, $"Every {what} value must be a finite number; got NaN or infinity.");
        }

        public static void EnsureLearningRate(double learningRate)
        {
            if (!(learningRate > 0) || double.IsInfinity(learningRate))
            {
                throw BackpropException.Argument("InvalidLearningRate",
                    $"The learning rate must be a positive finite number; got {learningRate}.");
            }
        }
    }
}
