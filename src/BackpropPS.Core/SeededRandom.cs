namespace BackpropPS.Core
{
    /// <summary>
    /// xoshiro256** seeded through SplitMix64: integer arithmetic only, so one seed gives the same
    /// numbers on every runtime and platform (System.Random promises no such thing).
    /// </summary>
    public sealed class SeededRandom
    {
        private ulong _s0, _s1, _s2, _s3;

        /// <summary>Creates a generator from a seed.</summary>
        public SeededRandom(long seed)
        {
            ulong x = unchecked((ulong)seed);
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }

        /// <summary>A double uniform in [0, 1) with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A double uniform in [low, high).</summary>
        public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

        /// <summary>An integer uniform in [0, count), without modulo bias.</summary>
        public int NextInt(int count)
        {
            if (count <= 1) return 0;
            ulong limit = ulong.MaxValue - ulong.MaxValue % (ulong)count;
            ulong v;
            do { v = NextUInt64(); } while (v >= limit);
            return (int)(v % (ulong)count);
        }

        /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
        public void Shuffle<T>(T[] items)
        {
            for (int i = items.Length - 1; i > 0; i--)
            {
                int j = NextInt(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        private static ulong SplitMix(ref ulong x)
        {
            ulong z = unchecked(x += 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            return z ^ (z >> 31);
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
    }
}
