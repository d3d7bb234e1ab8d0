using System.Linq;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Tiny 2 x 2 images, a network over them with known weights, and a classifier that is right on two of them.</summary>
internal static class PictureFixtures
{
    // 4 inputs (a 2 x 2 image) into 3 neurons with known weights, then 2 outputs.
    public static Network TinyNetwork() => new Network(new[]
    {
        new Layer(4, 3, new[] { 1.0, -1, 0, 0.5, 2, 2, 2, 2, 0, 0, 0, 0 }, new[] { 0.0, 0, 0 }, Activation.Linear),
        new Layer(3, 2, Enumerable.Repeat(0.1, 6).ToArray(), new[] { 0.0, 0 }, Activation.Sigmoid),
    });

    // Three 2 x 2 images: the class is the brightest pixel's column pair (0: left, 1: right); pixels in [0, 1].
    public static Dataset TinyImages() => new Dataset(
        Matrix.FromRows(new[] { new[] { 1.0, 0, 1, 0 }, new[] { 0.0, 1, 0, 1 }, new[] { 0.0, 0.5, 0, 0 } }),
        Matrix.FromRows(new[] { new[] { 1.0, 0 }, new[] { 0.0, 1 }, new[] { 0.0, 1 } }),
        new DataSchema(new[] { "p0", "p1", "p2", "p3" }, new[] { "side" }, new[] { "left", "right" }));

    // Compares pixel 0 (output left) with pixel 3 (output right): right for samples 0 and 1, wrong (a tie, so left) for sample 2.
    public static Network Picker() => new Network(new[]
    {
        new Layer(4, 2, new[] { 1.0, 0, 0, 0, 0, 0, 0, 1 }, new[] { 0.0, 0 }, Activation.Linear),
    });
}
