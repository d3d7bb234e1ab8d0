using System.Linq;
using System;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>The range test's smoothed loss: a bias-corrected exponentially weighted mean.</summary>
public class LossSmoothingTests
{
    [Fact]
    public void TheSmoothedLossIsTheBiasCorrectedWeightedMeanOfAllLossesSoFar()
    {
        var random = new SeededRandom(4);
        double[] losses = Enumerable.Range(0, 60).Select(_ => random.NextDouble(0, 3)).ToArray();
        const double beta = 0.98;
        var smoothing = new LossSmoothing(beta);
        for (int n = 1; n <= losses.Length; n++)
        {
            double got = smoothing.Add(losses[n - 1]);
            // Written out: sum over i of beta^(n-i) (1 - beta) loss_i, over the total weight 1 - beta^n.
            double sum = 0, weight = 0;
            for (int i = 1; i <= n; i++) { sum += Math.Pow(beta, n - i) * (1 - beta) * losses[i - 1]; weight += Math.Pow(beta, n - i) * (1 - beta); }
            Assert.Equal(sum / weight, got, 1e-12);
        }
        Assert.Equal(5.0, new LossSmoothing(beta).Add(5.0), 1e-15);
    }
}
