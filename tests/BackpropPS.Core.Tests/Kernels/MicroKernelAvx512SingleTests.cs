#if !CORE_NETSTANDARD
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Tests.Kernels;

/// <summary>
/// The 6 x 32 float tile for CPUs with AVX-512: used exactly where the CPU runs 512-bit vectors, and giving the bits
/// of the 6 x 16 AVX2 tile (each element the same chain of fused multiply-adds over p), on shapes around both tiles
/// and the k block, operands read plain and transposed, on one thread and two. That it is also within the rounding
/// bound of the exact product is GemmSingleTests' check of the Avx2 path, which runs this tile where it is used.
/// </summary>
public class MicroKernelAvx512SingleTests
{
    public static IEnumerable<object[]> Shapes()
    {
        int[][] shapes =
        {
            new[] { 6, 32, 5 }, new[] { 7, 33, 33 }, new[] { 13, 17, 64 }, new[] { 64, 128, 784 }, new[] { 121, 70, 300 },
            new[] { 5, 130, 513 }, new[] { 256, 512, 100 }, new[] { 64, 10, 128 },
        };
        foreach (int[] s in shapes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    yield return new object[] { s[0], s[1], s[2], ta, tb };
    }

    [Fact]
    public void IsUsedExactlyWhereTheCpuRuns512BitVectors()
    {
        bool supported = Avx512F.IsSupported && Vector512.IsHardwareAccelerated;
        Assert.Equal(supported, MicroKernelAvx512Single.IsSupported);
        Assert.Equal(supported, GemmBlocked<float>.WideSingleTiles);
        Assert.Equal(supported ? 32 : 16, GemmBlocked<float>.NR(KernelPath.Avx2));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GivesTheBitsOfTheAvx2Tile(int m, int n, int k, bool ta, bool tb)
    {
        if (!MicroKernelAvx512Single.IsSupported || Engine.Path != KernelPath.Avx2)
        {
            // Never used on this CPU (the fact above says so); nothing to compare against.
            Assert.Equal(16, GemmBlocked<float>.NR(Engine.Path == KernelPath.Avx2 ? KernelPath.Avx2 : KernelPath.Vector));
            return;
        }
        var random = new SeededRandom(m * 7919 + n * 31 + k);
        float[] ad = Array.ConvertAll(KernelPaths.Random(random, m * k), v => (float)v);
        float[] bd = Array.ConvertAll(KernelPaths.Random(random, k * n), v => (float)v);
        var a = ta ? MatrixOperand.TransposeOf(ad, m) : MatrixOperand.Rows(ad, k);
        var b = tb ? MatrixOperand.TransposeOf(bd, k) : MatrixOperand.Rows(bd, n);
        foreach (int threads in new[] { 1, 2 })
        {
            float[] wide = Product(true), narrow = Product(false);
            Assert.Equal(narrow.Select(BitConverter.SingleToInt32Bits), wide.Select(BitConverter.SingleToInt32Bits));

            float[] Product(bool wideTiles)
            {
                var c = new float[m * n];
                bool before = GemmBlocked<float>.WideSingleTiles;
                GemmBlocked<float>.WideSingleTiles = wideTiles;
                try
                {
                    Gemm.Multiply(m, n, k, 0.5, a, b, c, 0, n, KernelPath.Avx2, threads);
                }
                finally
                {
                    GemmBlocked<float>.WideSingleTiles = before;
                }
                return c;
            }
        }
    }
}
#endif
