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
        /// What the netstandard2.0 build takes as the memory it may use, since .NET Framework (Windows PowerShell 5.1)
        /// cannot say: a conservative 1 GB, half the largest array .NET Framework makes and more than twice what
        /// Fashion-MNIST's training part needs.
        /// </summary>
        public const long FixedMemoryLimit = 1L << 30;

        /// <summary>
        /// The bytes this process may use: on the net8.0 build what the runtime says
        /// (<c>GC.GetGCMemoryInfo().TotalAvailableMemoryBytes</c>: the machine's memory or the container's limit),
        /// elsewhere <see cref="FixedMemoryLimit"/>.
        /// </summary>
        public static long MemoryLimit
        {
            get
            {
#if NET8_0_OR_GREATER
                long available = System.GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
                return available > 0 ? available : FixedMemoryLimit;
#else
                return FixedMemoryLimit;
#endif
            }
        }

        /// <summary>
        /// Refuses, before allocating, <paramref name="doubles"/> values that will not fit in the memory this process may
        /// use (<see cref="MemoryLimit"/>).
        /// </summary>
        public static void EnsureMemory(long doubles, string what, string errorId) =>
            EnsureMemoryBytes(doubles * 8.0, what, $" ({Wording.Number(doubles)} numbers)", errorId, MemoryLimit);

        /// <summary>
        /// Refuses, before allocating, <paramref name="bytes"/> beyond <paramref name="limit"/>: a <c>LimitsExceeded</c>
        /// error saying "<paramref name="what"/> would need (the bytes) of memory<paramref name="detail"/>" and the limit.
        /// </summary>
        public static void EnsureMemoryBytes(double bytes, string what, string detail, string errorId, long limit)
        {
            if (bytes <= limit) return;
#if NET8_0_OR_GREATER
            string can = $"this process can use {Wording.Bytes(limit)}";
#else
            string can = $"this build of the module uses at most {Wording.Bytes(limit)}, as .NET Framework cannot say how much a process may use";
#endif
            throw new BackpropException(errorId, BackpropErrorKind.LimitsExceeded, $"{what} would need {Wording.Bytes(bytes)} of memory{detail}; {can}.");
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

        /// <summary>As <see cref="EnsureBatch"/>, for rows read where they are (<see cref="Training.Dataset.OverRows"/>).</summary>
        public static void EnsureRows(double[][] rows, int width, string what, string sizeErrorId, string finiteErrorId)
        {
            if (rows == null || rows.Length == 0)
                throw BackpropException.Argument(sizeErrorId, $"Expected at least one {what} sample of {width} values; got none.");
            foreach (double[] row in rows)
            {
                if (row.Length != width)
                {
                    throw BackpropException.Argument(sizeErrorId,
                        $"Expected {width} {what} values per sample (the network's {(what == "input" ? "input" : "output")} size); got {row.Length}.");
                }
                if (!Kernels.ElementWise.AllFinite(row))
                    throw BackpropException.Argument(finiteErrorId, $"Every {what} value must be a finite number; got NaN or infinity.");
            }
        }

        /// <summary>
        /// The error for a finite value that float32 cannot hold (beyond about 3.4e38, it would round to infinity):
        /// ValueOutOfSingleRange, naming where it is.
        /// </summary>
        public static BackpropException OutOfSingleRange(double value, string where) =>
            new BackpropException("ValueOutOfSingleRange", BackpropErrorKind.InvalidData, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "The value {0:R} ({1}) is beyond float32's range (at most about 3.4E+38 in size): with -Precision Single it would become " +
                "infinite. Use -Precision Double, or scale the values down (-Standardize for inputs).", value, where));

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
