using System;
using System.Collections.Generic;
using System.Linq;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The matrix product on every path against the textbook dot product: all four transposes, row views,
/// scaling, offsets and strides, edge tiles, several k blocks, and one thread against two.
/// </summary>
public class GemmTests
{
    // Shapes around the register tiles (6 x 8 and 4 x 8), the k block (256) and the row block (120).
    public static IEnumerable<object[]> Shapes()
    {
        int[][] shapes =
        {
            new[] { 1, 1, 1 }, new[] { 2, 3, 2 }, new[] { 6, 8, 5 }, new[] { 7, 9, 33 }, new[] { 13, 17, 64 },
            new[] { 64, 128, 40 }, new[] { 121, 20, 300 }, new[] { 5, 130, 513 }, new[] { 130, 7, 257 },
        };
        foreach (object[] path in KernelPaths.Fast())
            foreach (int[] s in shapes)
                foreach (bool ta in new[] { false, true })
                    foreach (bool tb in new[] { false, true })
                        yield return new object[] { path[0], s[0], s[1], s[2], ta, tb };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AgreesWithTheDotProductWithin1e12(KernelPath path, int m, int n, int k, bool ta, bool tb)
    {
        var random = new SeededRandom(m * 1000 + n * 10 + k);
        double[] ad = KernelPaths.Random(random, m * k), bd = KernelPaths.Random(random, k * n);
        var a = ta ? MatrixOperand.TransposeOf(ad, m) : MatrixOperand.Rows(ad, k);
        var b = tb ? MatrixOperand.TransposeOf(bd, k) : MatrixOperand.Rows(bd, n);
        var c = new double[m * n];
        Gemm.Multiply(m, n, k, 0.25, a, b, c, 0, n, path, 1);
        AssertClose(m, n, k, 0.25, a, b, c, 0, n);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheReferenceLoopSumsInOrderOfP(KernelPath unused, int m, int n, int k, bool ta, bool tb)
    {
        _ = unused;
        var random = new SeededRandom(k * 7 + m);
        double[] ad = KernelPaths.Random(random, m * k), bd = KernelPaths.Random(random, k * n);
        var a = ta ? MatrixOperand.TransposeOf(ad, m) : MatrixOperand.Rows(ad, k);
        var b = tb ? MatrixOperand.TransposeOf(bd, k) : MatrixOperand.Rows(bd, n);
        var c = new double[m * n];
        Gemm.Multiply(m, n, k, 1.0, a, b, c, 0, n, KernelPath.Reference);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0.0;
                for (int p = 0; p < k; p++) sum += a[i, p] * b[p, j];
                Assert.Equal(BitConverter.DoubleToInt64Bits(sum), BitConverter.DoubleToInt64Bits(c[i * n + j]));
            }
    }

    [Theory]
    [InlineData(64, 128, 200)]
    [InlineData(13, 40, 256)]
    public void TheVectorPathGivesTheReferenceBitsWithinOneKBlock(int m, int n, int k)
    {
        // Multiply then add in order of p, like the plain loop: only fused multiply-adds or a second k block differ.
        var random = new SeededRandom(5);
        double[] ad = KernelPaths.Random(random, m * k), bd = KernelPaths.Random(random, k * n);
        var fast = new double[m * n];
        var plain = new double[m * n];
        Gemm.Multiply(m, n, k, 0.5, MatrixOperand.Rows(ad, k), MatrixOperand.TransposeOf(bd, k), fast, 0, n, KernelPath.Vector, 1);
        Gemm.Multiply(m, n, k, 0.5, MatrixOperand.Rows(ad, k), MatrixOperand.TransposeOf(bd, k), plain, 0, n, KernelPath.Reference);
        Assert.Equal(plain, fast);
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void ReadsARowViewAndWritesIntoAStridedOutput(KernelPath path)
    {
        // The training loop's case: a shuffled batch read through an index, as A (forward) and as B (weight gradient).
        const int rows = 50, width = 70, m = 37, n = 29;
        var random = new SeededRandom(11);
        double[] data = KernelPaths.Random(random, rows * width), other = KernelPaths.Random(random, n * width);
        int[] order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        var view = MatrixOperand.Gather(data, width, order, 3);
        int ldc = n + 5, offset = 7;
        var c = new double[offset + m * ldc];
        Gemm.Multiply(m, n, width, 1.0, view, MatrixOperand.TransposeOf(other, width), c, offset, ldc, path, 1);
        AssertClose(m, n, width, 1.0, view, MatrixOperand.TransposeOf(other, width), c, offset, ldc);
        Assert.All(Enumerable.Range(0, m), i => Assert.All(Enumerable.Range(n, ldc - n), j =>
            Assert.Equal(0.0, c[offset + i * ldc + j])));

        var deltas = KernelPaths.Random(random, m * 9);
        var gradient = new double[9 * width];
        Gemm.Multiply(9, width, m, 1.0 / m, MatrixOperand.TransposeOf(deltas, 9), view, gradient, 0, width, path, 1);
        AssertClose(9, width, m, 1.0 / m, MatrixOperand.TransposeOf(deltas, 9), view, gradient, 0, width);
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void OneThreadAndTwoGiveTheSameBits(KernelPath path)
    {
        // Large enough to be split: 2 m n k is well over a megaflop.
        const int m = 70, n = 300, k = 400;
        var random = new SeededRandom(3);
        double[] ad = KernelPaths.Random(random, m * k), bd = KernelPaths.Random(random, k * n);
        var one = new double[m * n];
        var two = new double[m * n];
        Gemm.Multiply(m, n, k, 1.0, MatrixOperand.Rows(ad, k), MatrixOperand.Rows(bd, n), one, 0, n, path, 1);
        Gemm.Multiply(m, n, k, 1.0, MatrixOperand.Rows(ad, k), MatrixOperand.Rows(bd, n), two, 0, n, path, 2);
        Assert.Equal(one, two);
    }

    // |c - sum| <= 1e-12 * sum of |a b|: the bound a dot product in another order or with fused multiply-adds meets.
    private static void AssertClose(int m, int n, int k, double alpha, MatrixOperand<double> a, MatrixOperand<double> b, double[] c, int offset, int ldc)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0.0, magnitude = 0.0;
                for (int p = 0; p < k; p++)
                {
                    sum += a[i, p] * b[p, j];
                    magnitude += Math.Abs(a[i, p] * b[p, j]);
                }
                double got = c[offset + i * ldc + j];
                Assert.True(Math.Abs(got - alpha * sum) <= 1e-12 * Math.Abs(alpha) * magnitude,
                    $"C[{i}, {j}] = {got:R}, expected {alpha * sum:R}");
            }
    }
}
