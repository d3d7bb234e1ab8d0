namespace BackpropPS.Core
{
    /// <summary>Checks shared by the passes and the optimizers.</summary>
    internal static class Validation
    {
        // The most elements .NET gives one array of doubles.
        private const long MaxArrayLength = 0x7FFFFFC7;

        /// <summary>
        /// rows x columns as the length of one array, or a <c>LimitsExceeded</c> error with
        /// <paramref name="errorId"/> saying how many values <paramref name="what"/> would need.
        /// </summary>
        public static int ArrayLength(long rows, long columns, string what, string errorId)
        {
            long count = rows * columns;
            if (rows < 0 || columns < 0 || (rows != 0 && count / rows != columns) || count > MaxArrayLength)
            {
                throw new BackpropException(errorId, BackpropErrorKind.LimitsExceeded,
                    $"{what} would need {Wording.Number(rows)} x {Wording.Number(columns)} values, more than one array can hold ({Wording.Number(MaxArrayLength)}).");
            }
            return (int)count;
        }

        /// <summary>
        /// Refuses, before allocating, <paramref name="doubles"/> values that will not fit in the memory this process may
        /// use (on the net8.0 build, which can ask the runtime; elsewhere the allocation itself is the check).
        /// </summary>
        public static void EnsureMemory(long doubles, string what, string errorId)
        {
            double bytes = doubles * 8.0;
#if NET8_0_OR_GREATER
            long available = System.GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            if (available > 0 && bytes > available)
            {
                throw new BackpropException(errorId, BackpropErrorKind.LimitsExceeded,
                    $"{what} would need {Wording.Bytes(bytes)} of memory ({Wording.Number(doubles)} numbers); this process can use {Wording.Bytes(available)}.");
            }
#endif
        }
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
