using System.Collections.Generic;
using System.Linq;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Data;

/// <summary>Records into a data set: columns, labels or numbers, and the errors a person can act on.</summary>
public class RecordDataTests
{
    /// <summary>Records as text cells, as Import-Csv gives them; numbers are invariant decimals.</summary>
    private sealed class TextTable : IRecordTable
    {
        private readonly string[] _columns;
        private readonly string[][] _rows;

        public TextTable(string csv)
        {
            var lines = csv.Split('\n');
            _columns = lines[0].Split(',');
            _rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        }

        public int Count => _rows.Length;
        public IReadOnlyList<string> Columns(int row) => _columns;
        public bool HasColumn(int row, string column) => System.Array.IndexOf(_columns, column) >= 0;
        private string Cell(int row, string column) => _rows[row][System.Array.IndexOf(_columns, column)];
        public CellKind Kind(int row, string column) =>
            Cell(row, column).Trim().Length == 0 ? CellKind.Empty : NumberText.TryParse(Cell(row, column), null, out _) ? CellKind.Number : CellKind.Text;
        public double Number(int row, string column) =>
            NumberText.TryParse(Cell(row, column), null, out double v) ? v : throw new BackpropException("NonNumericCell", BackpropErrorKind.InvalidData, $"Record {row + 1}, column '{column}'");
        public string Text(int row, string column) =>
            Cell(row, column).Length > 0 ? Cell(row, column) : throw new BackpropException("EmptyCell", BackpropErrorKind.InvalidData, $"Record {row + 1}, column '{column}'");
    }

    private static (Dataset Data, DataSchema Schema) Read(string csv, string[] targets, int inputs, int outputs, DataSchema known = null) =>
        RecordData.Read(new TextTable(csv), null, targets, inputs, outputs, known);

    [Fact]
    public void TextLabelsOnOneOutputAreZeroAndOne()
    {
        var (data, schema) = Read("x1,x2,y\n1,2,yes\n3,4,no", new[] { "y" }, 2, 1);
        Assert.Equal(new[] { 1.0, 0 }, data.Targets.ToArray());
        Assert.Equal(new[] { "no", "yes" }, schema.ClassLabels);
        Assert.Equal(new[] { "x1", "x2" }, schema.InputColumns);
    }

    [Fact]
    public void NumbersOnOneOutputAreARegression()
    {
        var (data, schema) = Read("x1,y\n1,0.5\n3,1.5", new[] { "y" }, 1, 1);
        Assert.Equal(new[] { 0.5, 1.5 }, data.Targets.ToArray());
        Assert.False(schema.IsClassifier);
    }

    [Fact]
    public void AMisspeltTargetColumnIsNamedWithTheColumnsThatExist()
    {
        var e = Assert.Throws<BackpropException>(() => Read("a,b,species\n1,2,x", new[] { "Species2" }, 2, 1));
        Assert.Equal("MissingColumn", e.ErrorId);
        Assert.Equal("Record 1 has no column 'Species2'. Its columns are: a, b, species.", e.Message);
    }

    [Fact]
    public void OneNAInANumericTargetColumnIsThatCellsError()
    {
        var e = Assert.Throws<BackpropException>(() => Read("x,y\n1,0.5\n2,NA\n3,2\n4,7", new[] { "y" }, 1, 1));
        Assert.Equal("NonNumericCell", e.ErrorId);
        Assert.Equal("Record 2, column 'y'", e.Message);
    }

    [Fact]
    public void AnEmptyRegressionTargetIsANumericCellsError()
    {
        var e = Assert.Throws<BackpropException>(() => Read("x,y\n1,0.5\n2, \n3,2", new[] { "y" }, 1, 1));
        Assert.Equal("NonNumericCell", e.ErrorId);
    }

    [Fact]
    public void ASingleLabelForOneOutputIsRefused()
    {
        var e = Assert.Throws<BackpropException>(() => Read("x,y\n1,a\n2,a", new[] { "y" }, 1, 1));
        Assert.Equal("SingleClassLabel", e.ErrorId);
    }

    [Fact]
    public void AKnownSchemaKeepsItsLabelOrder()
    {
        var known = new DataSchema(new[] { "x" }, new[] { "y" }, new[] { "z", "a" });
        var (data, schema) = Read("x,y\n1,a\n2,z", null, 1, 1, known);
        Assert.Equal(new[] { 1.0, 0 }, data.Targets.ToArray());
        Assert.Equal(new[] { "z", "a" }, schema.ClassLabels);
    }

    [Fact]
    public void SeveralOutputsMakeAnyColumnLabels()
    {
        var (data, schema) = Read("x,y\n1,1\n2,2\n3,3", new[] { "y" }, 1, 3);
        Assert.Equal(new[] { "1", "2", "3" }, schema.ClassLabels);
        Assert.Equal(3, data.Targets.Columns);
    }
}
