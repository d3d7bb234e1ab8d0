using System;
using System.Collections.Generic;
using System.Linq;
using BackpropPS.Core.Reports;

namespace BackpropPS.Core.Tests.Reports;

public class ReportLimitsTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(200, 200)]
    [InlineData(201, 200)]
    [InlineData(100_000, 200)]
    [InlineData(10, 2)]
    public void SampleKeepsTheFirstTheLastAndEvenlySpacedOnes(int count, int keep)
    {
        int[] kept = ReportLimits.Sample(count, keep);
        Assert.Equal(Math.Min(count, keep), kept.Length);
        Assert.Equal(0, kept[0]);
        Assert.Equal(count - 1, kept[^1]);
        for (int i = 1; i < kept.Length; i++) Assert.True(kept[i] > kept[i - 1]);
        if (kept.Length > 2)
        {
            // Evenly spaced: no gap more than one index longer than another.
            var gaps = kept.Zip(kept.Skip(1), (a, b) => b - a).ToList();
            Assert.True(gaps.Max() - gaps.Min() <= 1);
        }
    }
}
