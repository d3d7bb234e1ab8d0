namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// The two number types the engine computes in, seen from code written once for both: double (float64) and
    /// float (float32). Generic code over <c>T</c> asks <see cref="IsSingle{T}"/> and hands its arrays to the
    /// kernels of that type; on .NET the test is decided when the code is compiled for <c>T</c>, so it costs nothing.
    /// </summary>
    internal static unsafe class Scalar
    {
        /// <summary>True when <typeparamref name="T"/> is float, false when it is double.</summary>
        public static bool IsSingle<T>() where T : unmanaged => typeof(T) == typeof(float);

        /// <summary><paramref name="value"/> as a <typeparamref name="T"/>: itself, or rounded to the nearest float.</summary>
        public static T From<T>(double value) where T : unmanaged
        {
            if (typeof(T) == typeof(float))
            {
                float single = (float)value;
                return *(T*)&single;
            }
            return *(T*)&value;
        }

        /// <summary><paramref name="value"/> as a double (exact: every float is a double).</summary>
        public static double ToDouble<T>(T value) where T : unmanaged =>
            typeof(T) == typeof(float) ? *(float*)&value : *(double*)&value;

        /// <summary>The precision <typeparamref name="T"/> stands for.</summary>
        public static Precision PrecisionOf<T>() where T : unmanaged => IsSingle<T>() ? Precision.Single : Precision.Double;

        /// <summary>The array as what it is when <typeparamref name="T"/> is double.</summary>
        public static double[] Doubles<T>(T[] values) => (double[])(object)values;

        /// <summary>The array as what it is when <typeparamref name="T"/> is float.</summary>
        public static float[] Singles<T>(T[] values) => (float[])(object)values;

        /// <summary>Each value rounded to the nearest float.</summary>
        public static float[] Round(double[] values)
        {
            var singles = new float[values.Length];
            for (int i = 0; i < values.Length; i++) singles[i] = (float)values[i];
            return singles;
        }

        /// <summary>Each value as a double (exact).</summary>
        public static double[] Widen(float[] values)
        {
            var doubles = new double[values.Length];
            for (int i = 0; i < values.Length; i++) doubles[i] = values[i];
            return doubles;
        }

        /// <summary>A copy of <paramref name="values"/> as <typeparamref name="T"/>: rounded to floats, or cloned.</summary>
        public static T[] Copy<T>(double[] values) where T : unmanaged =>
            IsSingle<T>() ? (T[])(object)Round(values) : (T[])values.Clone();

        /// <summary>A copy of <paramref name="values"/> as doubles: widened, or cloned.</summary>
        public static double[] CopyToDoubles<T>(T[] values) where T : unmanaged =>
            IsSingle<T>() ? Widen(Singles(values)) : (double[])Doubles(values).Clone();
    }
}
