using System.Linq;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>A grid of image tiles holds as many as can be read, and at least one.</summary>
public class ImageGridTests
{
    [Fact]
    public void AGridRefusesMoreTilesThanCanBeRead()
    {
        var tile = new ImageTile(1, new[] { 0.5 }, "x");
        Assert.Equal("TooManyImages", Assert.Throws<BackpropException>(() => new ImageGrid("t", "l", Enumerable.Repeat(tile, 401).ToArray())).ErrorId);
        Assert.Equal(20, new ImageGrid("t", "l", Enumerable.Repeat(tile, 400).ToArray()).Columns);
        Assert.Equal("NoImages", Assert.Throws<BackpropException>(() => new ImageGrid("t", "l", new ImageTile[0])).ErrorId);
    }
}
