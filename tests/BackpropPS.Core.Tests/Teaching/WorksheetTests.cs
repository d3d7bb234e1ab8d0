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
        Assert.Equal("\"Quantity\",\"Answer\",\"Part\",\"Layer\",\"Hint\",\"Fingerprint\"", lines[0]);
        Assert.Equal($"\"delta_o1\",\"\",\"Backward\",\"2\",\"delta_o1 = (a_o1 - y1) * a_o1(1 - a_o1)\",\"{Seed.Fingerprint}\"", lines[9]);
        Assert.Equal(33, lines.Length);
        Diagram d = Worksheet.Diagram(Seed);
        int blanks = d.Nodes.Sum(n => CountOf(n.Detail) + CountOf(n.Label)) + d.Edges.Where(x => !x.IsBias).Sum(x => CountOf(x.Label));
        // 12 z, a and delta blanks, 8 weights and 2 biases after the step (the gradients are in the CSV only).
        Assert.Equal(22, blanks);
        Assert.Contains(d.Nodes, n => n.Id == "o1" && n.Detail.Contains("y1 = 0.01"));
    }

    [Fact]
    public void ASheetCarryingItsExercisesFingerprintIsItsOwn()
    {
        string own = Seed.Fingerprint;
        Assert.True(Worksheet.CarriesFingerprint(Seed, new[] { own, " " + own.ToUpperInvariant() + " ", own }, "a.csv", "the seed"));
        // No fingerprint at all (the column removed: nulls; or emptied) is no mismatch, but no proof either.
        Assert.False(Worksheet.CarriesFingerprint(Seed, new string[] { null, null }, "a.csv", "the seed"));
        Assert.False(Worksheet.CarriesFingerprint(Seed, new[] { "", "  " }, "a.csv", "the seed"));
        Assert.False(Worksheet.CarriesFingerprint(Seed, new string[0], "a.csv", "the seed"));
        // A row left empty among rows that carry it: its own.
        Assert.True(Worksheet.CarriesFingerprint(Seed, new[] { own, "", own }, "a.csv", "the seed"));
    }

    [Fact]
    public void ASheetOfAnotherExerciseIsAMismatchNamingBoth()
    {
        string other = Exercise.StepByStep(decimals: 0).Fingerprint;
        var e = Assert.Throws<BackpropException>(() => Worksheet.CarriesFingerprint(Seed, new[] { other, other }, "anna.csv", "StepByStep, given with -Exercise"));
        Assert.Equal("ExerciseMismatch", e.ErrorId);
        Assert.Equal(BackpropErrorKind.InvalidData, e.Kind);
        Assert.Equal($"anna.csv was made for exercise {other} (its Fingerprint column), not for exercise {Seed.Fingerprint} (StepByStep, given with -Exercise), " +
            "the one it is graded against. Grade each sheet with the exercise it was made for.", e.Message);
        // One altered row among rows of the right exercise is named by its row.
        e = Assert.Throws<BackpropException>(() => Worksheet.CarriesFingerprint(Seed, new[] { Seed.Fingerprint, "", "made up" }, "anna.csv", "x"));
        Assert.StartsWith("anna.csv row 3 carries the fingerprint of exercise made up, not of exercise " + Seed.Fingerprint, e.Message);
        // A long made-up text is shortened in the message.
        e = Assert.Throws<BackpropException>(() => Worksheet.CarriesFingerprint(Seed, new[] { new string('f', 100000) }, "anna.csv", "x"));
        Assert.True(e.Message.Length < 300);
    }

    private static int CountOf(string text) => (text.Length - text.Replace(Worksheet.Blank, "").Length) / Worksheet.Blank.Length;
}
