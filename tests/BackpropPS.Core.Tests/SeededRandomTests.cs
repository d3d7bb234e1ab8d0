namespace BackpropPS.Core.Tests;

/// <summary>The one source of randomness: xoshiro256** seeded by SplitMix64.</summary>
public class SeededRandomTests
{
    [Fact]
    public void TheGeneratorIsXoshiro256StarStarSeededBySplitMix64()
    {
        // SplitMix64's first four outputs from state 0 (published reference values) seed xoshiro256**;
        // its first output is rotl(s1 * 5, 7) * 9. A change to the generator changes every seeded network.
        ulong s1 = 0x6E789E6AA1B965F4UL;
        ulong product = unchecked(s1 * 5);
        ulong expected = unchecked(((product << 7) | (product >> 57)) * 9);
        Assert.Equal(expected, new SeededRandom(0).NextUInt64());
    }
}
