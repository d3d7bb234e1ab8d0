using System.Numerics;
using System.Runtime.CompilerServices;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// Vectors from arrays and back, padded with zeros where fewer values than a vector are left, so that a rule
    /// written once over Vector&lt;T&gt; also covers the last few values, with the same operations.
    /// </summary>
    internal static unsafe class Lanes
    {
        /// <summary>Values k .. k + count (count at most a vector) as a vector, zeros after them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<T> Load<T>(T[] values, int k, int count) where T : unmanaged =>
            count == Vector<T>.Count ? new Vector<T>(values, k) : LoadPadded(values, k, count);

        /// <summary>The first <paramref name="count"/> lanes of <paramref name="vector"/> into values k ...</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store<T>(Vector<T> vector, T[] values, int k, int count) where T : unmanaged
        {
            if (count == Vector<T>.Count) vector.CopyTo(values, k);
            else StorePart(vector, values, k, count);
        }

        private static Vector<T> LoadPadded<T>(T[] values, int k, int count) where T : unmanaged
        {
            T* padded = stackalloc T[Vector<T>.Count];
            for (int i = 0; i < Vector<T>.Count; i++) padded[i] = i < count ? values[k + i] : default;
            return *(Vector<T>*)padded;
        }

        private static void StorePart<T>(Vector<T> vector, T[] values, int k, int count) where T : unmanaged
        {
            T* lanes = stackalloc T[Vector<T>.Count];
            *(Vector<T>*)lanes = vector;
            for (int i = 0; i < count; i++) values[k + i] = lanes[i];
        }
    }
}
