using System.Linq;
using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Tests.Explain;

/// <summary>The grid of a decision-boundary map: its points, its range from the data, and grids that cannot be drawn.</summary>
public class BoundaryGridTests
{
    [Fact]
    public void GridPointsRunFromEndToEndInclusive_LowestYFirst()
    {
        var grid = new BoundaryGrid(-1, 1, 10, 20, 5);
        Assert.Equal(new[] { -1, -0.5, 0, 0.5, 1 }, Enumerable.Range(0, 5).Select(grid.X));
        Assert.Equal(new[] { 10, 12.5, 15, 17.5, 20 }, Enumerable.Range(0, 5).Select(grid.Y));
        Assert.Equal(25, grid.Count);
        Matrix points = grid.Points(6, 4);   // row 1 (y 12.5), columns 1 to 4
        Assert.Equal(new[] { -0.5, 12.5, 0, 12.5, 0.5, 12.5, 1, 12.5 }, points.ToArray());
    }

    [Fact]
    public void GridFromData_AddsTheMarginOfEachSpan_AndHalfAUnitAroundAConstantColumn()
    {
        var inputs = Matrix.FromRows(new[] { new[] { 0.0, 3 }, new[] { 2.0, 3 }, new[] { 1.0, 3 } });
        var grid = BoundaryGrid.FromData(inputs, 10, 0.1);
        Assert.Equal((-0.2, 2.2), (grid.XMin, grid.XMax));
        Assert.Equal((2.5, 3.5), (grid.YMin, grid.YMax));
        var given = BoundaryGrid.FromData(inputs, 10, 0.1, yRange: (-4, 4));
        Assert.Equal((-0.2, 2.2, -4.0, 4.0), (given.XMin, given.XMax, given.YMin, given.YMax));
        var both = BoundaryGrid.FromData(null, 3, 0.1, (0, 1), (5, 6));
        Assert.Equal(3, both.Resolution);
    }

    [Theory]
    [InlineData(1, -1, 0, 1, 10, "InvalidRange")]
    [InlineData(0, 0, 0, 1, 10, "InvalidRange")]
    [InlineData(0, 1, 0, double.NaN, 10, "InvalidRange")]
    [InlineData(0, 1, 0, double.PositiveInfinity, 10, "InvalidRange")]
    [InlineData(0, 1, 0, 1, 1, "InvalidResolution")]
    [InlineData(0, 1, 0, 1, 1001, "InvalidResolution")]
    public void BadGridsAreRefused(double x0, double x1, double y0, double y1, int resolution, string errorId)
    {
        var e = Assert.Throws<BackpropException>(() => new BoundaryGrid(x0, x1, y0, y1, resolution));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Fact]
    public void GridFromData_RefusesDataOfOtherThanTwoColumns_NoDataWithoutRanges_AndANegativeMargin()
    {
        var three = new Matrix(1, 3, new[] { 1.0, 2, 3 });
        Assert.Equal("NotTwoInputColumns", Assert.Throws<BackpropException>(() => BoundaryGrid.FromData(three, 10)).ErrorId);
        Assert.Equal("MissingRange", Assert.Throws<BackpropException>(() => BoundaryGrid.FromData(null, 10, 0.1, (0, 1))).ErrorId);
        Assert.Equal("InvalidMargin", Assert.Throws<BackpropException>(() => BoundaryGrid.FromData(three, 10, -0.1)).ErrorId);
    }
}
