#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BackpropPS.Core.Kernels
{
    /// <summary>
    /// e^x, Sigmoid and Tanh eight floats at a time on AVX2 and FMA: <see cref="ExpAvx2"/>'s scheme in float32.
    /// x = k ln 2 + r with |r| &lt;= ln 2 / 2, e^r - 1 = r + r^2 P(r) with Cephes' degree-5 minimax polynomial for
    /// expf (about 1 unit in the last place), and 2^k put into the exponent bits. Results are within a few units in
    /// the last place of Math's double functions rounded to float (tests hold them to 1e-6 relative). Vectors with a
    /// value outside the range the scheme covers (or NaN) are left to the caller's scalar loop.
    /// </summary>
    internal static class ExpAvx2Single
    {
        private const float Log2E = 1.44269504088896341f;
        // ln 2 in two parts (Cephes'): k * Ln2Hi is exact for the k that occur here.
        private const float Ln2Hi = 0.693359375f, Ln2Lo = -2.12194440e-4f;
        // Below -87 the result leaves the normal range; above 88 it overflows.
        private const float Lowest = -87f, Highest = 88f;

        /// <summary>e^x for every lane, or false (nothing written) when a lane is outside [-87, 88] or NaN.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryExp(Vector256<float> x, out Vector256<float> result)
        {
            if (!TryReduce(x, out Vector256<float> scale, out Vector256<float> q))
            {
                result = default;
                return false;
            }
            result = Fma.MultiplyAdd(scale, q, scale);
            return true;
        }

        /// <summary>e^x - 1 for every lane, or false as <see cref="TryExp"/>; keeps its digits for small x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryExpMinusOne(Vector256<float> x, out Vector256<float> result)
        {
            if (!TryReduce(x, out Vector256<float> scale, out Vector256<float> q))
            {
                result = default;
                return false;
            }
            result = Fma.MultiplyAdd(scale, q, Avx.Subtract(scale, Vector256<float>.One));
            return true;
        }

        // x = k ln 2 + r: scale = 2^k and q = e^r - 1; false when a lane is outside [-87, 88] or NaN.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool TryReduce(Vector256<float> x, out Vector256<float> scale, out Vector256<float> q)
        {
            Vector256<float> inRange = Avx.And(Avx.CompareGreaterThanOrEqual(x, Vector256.Create(Lowest)),
                Avx.CompareLessThanOrEqual(x, Vector256.Create(Highest)));
            if (Avx.MoveMask(inRange) != 0xFF)
            {
                scale = q = default;
                return false;
            }
            Vector256<float> k = Avx.RoundToNearestInteger(Avx.Multiply(x, Vector256.Create(Log2E)));
            Vector256<float> r = Fma.MultiplyAddNegated(k, Vector256.Create(Ln2Hi), x);
            r = Fma.MultiplyAddNegated(k, Vector256.Create(Ln2Lo), r);
            // q = r + r^2 P(r), P by Horner from the highest power.
            Vector256<float> p = Vector256.Create(1.9875691500e-4f);
            p = Fma.MultiplyAdd(p, r, Vector256.Create(1.3981999507e-3f));
            p = Fma.MultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
            p = Fma.MultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
            p = Fma.MultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
            p = Fma.MultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
            q = Fma.MultiplyAdd(Avx.Multiply(p, r), r, r);
            // 2^k from its exponent bits.
            scale = Avx2.ShiftLeftLogical(Avx2.Add(Avx.ConvertToVector256Int32(k), Vector256.Create(127)), 23).AsSingle();
            return true;
        }

        /// <summary>1 / (1 + e^-z) for every lane, or false as <see cref="TryExp"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TrySigmoid(Vector256<float> z, out Vector256<float> result)
        {
            if (!TryExp(Avx.Subtract(Vector256<float>.Zero, z), out Vector256<float> e))
            {
                result = default;
                return false;
            }
            result = Avx.Divide(Vector256<float>.One, Avx.Add(Vector256<float>.One, e));
            return true;
        }

        /// <summary>tanh(z) = (e^2z - 1) / (e^2z + 1) for every lane, or false for NaN.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryTanh(Vector256<float> z, out Vector256<float> result)
        {
            // tanh rounds to 1 as a float beyond |z| = 10, so the argument is clamped there; NaN is not.
            Vector256<float> limit = Vector256.Create(10f);
            Vector256<float> clamped = Avx.Min(Avx.Max(z, Avx.Subtract(Vector256<float>.Zero, limit)), limit);
            if (Avx.MoveMask(Avx.CompareUnordered(z, z)) != 0 || !TryExpMinusOne(Avx.Add(clamped, clamped), out Vector256<float> em1))
            {
                result = default;
                return false;
            }
            result = Avx.Divide(em1, Avx.Add(em1, Vector256.Create(2f)));
            return true;
        }
    }
}
#endif
