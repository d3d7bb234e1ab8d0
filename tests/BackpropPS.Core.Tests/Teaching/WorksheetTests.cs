using System.IO;
using System.Linq;
using System;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Teaching;
using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>The worksheet: a CSV row per quantity, and a blank per quantity in the diagram.</summary>
public class WorksheetTests
{
    [Fact]
    public void TheWorksheetHasARowPerQuantityAndABlankPerQuantityInTheDiagram()
    {
        var csv = new StringWriter();
        Worksheet.WriteCsv(Seed, csv);
        string[] lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Quantity\",\"Answer\",\"Part\",\"Layer\",\"Hint\"", lines[0]);
        Assert.Equal("\"delta_o1\",\"\",\"Backward\",\"2\",\"delta_o1 = (a_o1 - y1) * a_o1(1 - a_o1)\"", lines[9]);
        Assert.Equal(33, lines.Length);
        Diagram d = Worksheet.Diagram(Seed);
        int blanks = d.Nodes.Sum(n => CountOf(n.Detail) + CountOf(n.Label)) + d.Edges.Where(x => !x.IsBias).Sum(x => CountOf(x.Label));
        // 12 z, a and delta blanks, 8 weights and 2 biases after the step (the gradients are in the CSV only).
        Assert.Equal(22, blanks);
        Assert.Contains(d.Nodes, n => n.Id == "o1" && n.Detail.Contains("y1 = 0.01"));
    }

    private static int CountOf(string text) => (text.Length - text.Replace(Worksheet.Blank, "").Length) / Worksheet.Blank.Length;
}
