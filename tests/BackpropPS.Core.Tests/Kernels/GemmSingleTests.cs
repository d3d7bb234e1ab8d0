using System;
using System.Collections.Generic;
using System.Linq;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The float product on every path. Each element is a sum of k products taken in order of p from one float
/// accumulator (with or without fused multiply-adds), so its rounding error is at most (k + 2) u times the sum of
/// |a b|, u = 2^-24 (k additions and the scaling by alpha; Higham's bound for recursive summation): that is the
/// tolerance, checked against the exact product (in double, exact for these sizes to far below it). Shapes around
/// the float register tiles (6 x 16 on Avx2, 4 x 16 on the Vector path) and the k block.
/// </summary>
public class GemmSingleTests
{
    private const double U = 1.0 / (1 << 24);

    public static IEnumerable<object[]> Shapes()
    {
        int[][] shapes =
        {
            new[] { 1, 1, 1 }, new[] { 2, 3, 2 }, new[] { 6, 16, 5 }, new[] { 7, 17, 33 }, new[] { 13, 33, 64 },
            new[] { 64, 128, 40 }, new[] { 121, 20, 300 }, new[] { 5, 130, 513 }, new[] { 130, 7, 257 }, new[] { 64, 10, 128 },
        };
        foreach (object[] path in KernelPaths.Fast().Append(new object[] { KernelPath.Reference }))
            foreach (int[] s in shapes)
                foreach (bool ta in new[] { false, true })
                    foreach (bool tb in new[] { false, true })
                        yield return new object[] { path[0], s[0], s[1], s[2], ta, tb };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void IsWithinItsRoundingBoundOfTheExactProduct(KernelPath path, int m, int n, int k, bool ta, bool tb)
    {
        var random = new SeededRandom(m * 1000 + n * 10 + k);
        float[] ad = Singles(random, m * k), bd = Singles(random, k * n);
        var a = ta ? MatrixOperand.TransposeOf(ad, m) : MatrixOperand.Rows(ad, k);
        var b = tb ? MatrixOperand.TransposeOf(bd, k) : MatrixOperand.Rows(bd, n);
        var c = new float[m * n];
        Gemm.Multiply(m, n, k, 0.25, a, b, c, 0, n, path, 1);
        AssertWithinBound(m, n, k, 0.25, a, b, c, 0, n);
    }

    [Theory]
    [InlineData(7, 9, 33, false, true)]
    [InlineData(13, 40, 64, true, false)]
    public void TheReferenceLoopSumsInFloatInOrderOfP(int m, int n, int k, bool ta, bool tb)
    {
        var random = new SeededRandom(k * 7 + m);
        float[] ad = Singles(random, m * k), bd = Singles(random, k * n);
        var a = ta ? MatrixOperand.TransposeOf(ad, m) : MatrixOperand.Rows(ad, k);
        var b = tb ? MatrixOperand.TransposeOf(bd, k) : MatrixOperand.Rows(bd, n);
        var c = new float[m * n];
        Gemm.Multiply(m, n, k, 1.0, a, b, c, 0, n, KernelPath.Reference);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++) sum += a[i, p] * b[p, j];
                Assert.Equal(BitConverter.SingleToInt32Bits(sum), BitConverter.SingleToInt32Bits(c[i * n + j]));
            }
    }

    [Theory]
    [InlineData(64, 128, 200)]
    [InlineData(13, 40, 256)]
    public void TheVectorPathGivesTheReferenceBitsWithinOneKBlock(int m, int n, int k)
    {
        var random = new SeededRandom(5);
        float[] ad = Singles(random, m * k), bd = Singles(random, k * n);
        var fast = new float[m * n];
        var plain = new float[m * n];
        Gemm.Multiply(m, n, k, 0.5, MatrixOperand.Rows(ad, k), MatrixOperand.TransposeOf(bd, k), fast, 0, n, KernelPath.Vector, 1);
        Gemm.Multiply(m, n, k, 0.5, MatrixOperand.Rows(ad, k), MatrixOperand.TransposeOf(bd, k), plain, 0, n, KernelPath.Reference);
        Assert.Equal(plain, fast);
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void ReadsARowViewAndWritesIntoAStridedOutput(KernelPath path)
    {
        const int rows = 50, width = 70, m = 37, n = 29;
        var random = new SeededRandom(11);
        float[] data = Singles(random, rows * width), other = Singles(random, n * width);
        int[] order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        var view = MatrixOperand.Gather(data, width, order, 3);
        int ldc = n + 5, offset = 7;
        var c = new float[offset + m * ldc];
        Gemm.Multiply(m, n, width, 1.0, view, MatrixOperand.TransposeOf(other, width), c, offset, ldc, path, 1);
        AssertWithinBound(m, n, width, 1.0, view, MatrixOperand.TransposeOf(other, width), c, offset, ldc);
        Assert.All(Enumerable.Range(0, m), i => Assert.All(Enumerable.Range(n, ldc - n), j => Assert.Equal(0f, c[offset + i * ldc + j])));
    }

    [Theory]
    [MemberData(nameof(KernelPaths.Fast), MemberType = typeof(KernelPaths))]
    public void OneThreadAndTwoGiveTheSameBits(KernelPath path)
    {
        const int m = 70, n = 300, k = 400;
        var random = new SeededRandom(3);
        float[] ad = Singles(random, m * k), bd = Singles(random, k * n);
        var one = new float[m * n];
        var two = new float[m * n];
        Gemm.Multiply(m, n, k, 1.0, MatrixOperand.Rows(ad, k), MatrixOperand.TransposeOf(bd, k), one, 0, n, path, 1);
        Gemm.Multiply(m, n, k, 1.0, MatrixOperand.Rows(ad, k), MatrixOperand.TransposeOf(bd, k), two, 0, n, path, 2);
        Assert.Equal(one, two);
    }

    private static float[] Singles(SeededRandom random, int count) => Array.ConvertAll(KernelPaths.Random(random, count), v => (float)v);

    private static void AssertWithinBound(int m, int n, int k, double alpha, MatrixOperand<float> a, MatrixOperand<float> b, float[] c, int offset, int ldc)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double exact = 0.0, magnitude = 0.0;
                for (int p = 0; p < k; p++)
                {
                    exact += (double)a[i, p] * b[p, j];
                    magnitude += Math.Abs((double)a[i, p] * b[p, j]);
                }
                double got = c[offset + i * ldc + j];
                Assert.True(Math.Abs(got - alpha * exact) <= (k + 2) * U * Math.Abs(alpha) * magnitude,
                    $"C[{i}, {j}] = {got:R}, expected {alpha * exact:R} within {(k + 2) * U * Math.Abs(alpha) * magnitude:G3}");
            }
    }
}
