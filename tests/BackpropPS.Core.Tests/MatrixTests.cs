namespace BackpropPS.Core.Tests;

/// <summary>Building a matrix from typed arrays: the values row after row, copies, and ragged rows refused.</summary>
public class MatrixTests
{
    [Fact]
    public void JaggedRowsAreCopiedRowAfterRow()
    {
        var rows = new[] { new[] { 1.0, 2.0, 3.0 }, new[] { 4.0, 5.0, 6.0 } };
        Matrix m = Matrix.FromRows(rows);
        rows[0][0] = 99;
        Assert.Equal((2, 3), (m.Rows, m.Columns));
        Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, m.ToArray());
    }

    [Fact]
    public void ATwoDimensionalArrayKeepsItsShape()
    {
        var grid = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        Matrix m = Matrix.FromArray(grid);
        Assert.Equal((3, 2), (m.Rows, m.Columns));
        Assert.Equal(4.0, m[1, 1]);
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, m.ToArray());
    }

    [Fact]
    public void RaggedOrMissingRowsAreRefused()
    {
        Assert.Equal("RaggedRows", Assert.Throws<BackpropException>(() => Matrix.FromRows(new[] { new[] { 1.0, 2.0 }, new[] { 3.0 } })).ErrorId);
        Assert.Equal("RaggedRows", Assert.Throws<BackpropException>(() => Matrix.FromRows(new[] { new[] { 1.0 }, null })).ErrorId);
    }
}
