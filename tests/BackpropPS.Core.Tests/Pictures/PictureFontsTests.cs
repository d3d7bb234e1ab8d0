using BackpropPS.Core.Pictures;
using OxyPlot;

namespace BackpropPS.Core.Tests.Pictures;

/// <summary>Text measured in the fonts a viewer may draw it in: the widest of DejaVu Sans, Liberation Sans and Arial.</summary>
public class PictureFontsTests
{
    [Fact]
    public void LiberationSansMeasuresAsArialAndDejaVuSansWider()
    {
        // Arial's advance widths in units of 1/2048 em: a 1139, M 1706, space 569 (Liberation Sans copies them).
        Assert.Equal(1139, PictureFonts.Width("a", 2048, false, MeasuredFont.LiberationSans), 9);
        Assert.Equal(1706, PictureFonts.Width("M", 2048, false, MeasuredFont.LiberationSans), 9);
        Assert.Equal(569, PictureFonts.Width(" ", 2048, false, MeasuredFont.LiberationSans), 9);
        Assert.Equal(1255, PictureFonts.Width("a", 2048, false, MeasuredFont.DejaVuSans), 9);
        const string entry = "Optimizer=Momentum, LearningRate=0.01";
        double dejaVu = PictureFonts.Width(entry, 12, false, MeasuredFont.DejaVuSans);
        Assert.True(dejaVu > PictureFonts.Width(entry, 12, false, MeasuredFont.LiberationSans));
        Assert.Equal(dejaVu, PictureFonts.Width(entry, 12));
        Assert.True(PictureFonts.Width(entry, 12, bold: true) > dejaVu);
    }

    [Fact]
    public void TheOldMeasureWasNarrowerThanDejaVuSansWhichIsWhyLegendsWereClipped()
    {
        // The charts measured text with the PDF renderer's Helvetica in points, scaled to pixels: DejaVu Sans runs wider,
        // so "Optimizer=Momentum, LearningRate=0.01" was cut after "Momentu" on a Linux box.
        const string entry = "Optimizer=Momentum, LearningRate=0.01";
        double old = new PdfRenderContext(100, 100, OxyColors.White).MeasureText(entry, "Arial", 12, 400).Width * 96 / 72;
        Assert.True(old < PictureFonts.Width(entry, 12, false, MeasuredFont.DejaVuSans));
        Assert.True(old < PictureFonts.Width(entry, 12));
    }

    [Fact]
    public void LinesAreMeasuredApartAndUnknownCharactersAsAWholeEm()
    {
        Assert.Equal(PictureFonts.Width("Validation", 12), PictureFonts.Width("Run\nValidation", 12));
        Assert.Equal(2 * 12 * PictureFonts.LineHeight, PictureFonts.Height("Run\nValidation", 12), 9);
        Assert.Equal(12, PictureFonts.Width("\u4e2d", 12), 9);                  // CJK: not in the tables
        Assert.Equal(12, PictureFonts.Width("\ud83d\ude80", 12), 9);            // a surrogate pair counts once
        Assert.True(PictureFonts.Width("\u00e9", 12) > 0 && PictureFonts.Width("\u00e9", 12) < 12);   // Latin-1 is in the tables
        Assert.Equal(0, PictureFonts.Width("", 12));
        Assert.Contains("DejaVu Sans", PictureFonts.Family);
        Assert.Contains("Liberation Sans", PictureFonts.Family);
        Assert.StartsWith("Arial", PictureFonts.Family);
    }
}
