using System;
using System.Linq;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Data;

/// <summary>
/// A data set whose inputs are stored as floats: it reads as the doubles they are exactly, its parts and scaled
/// copies stay floats, converting is a copy only when the precision changes, and a value float32 cannot hold is
/// refused by name rather than turned into an infinity.
/// </summary>
public class DatasetPrecisionTests
{
    private static Dataset Data() => new Dataset(
        Matrix.FromRows(new[] { new[] { 0.1, 2.0 / 3 }, new[] { -1e-9, 12345.678 }, new[] { 0.0, 1.0 } }),
        Matrix.FromRows(new[] { new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 } }), null, "three");

    [Fact]
    public void FloatInputsReadAsTheDoublesTheyAre()
    {
        Dataset doubles = Data(), singles = doubles.WithPrecision(Precision.Single);
        Assert.Equal(Precision.Single, singles.Precision);
        Assert.Equal(Precision.Double, singles.Targets.Precision);
        Assert.Equal("three", singles.Name);
        Assert.Equal(doubles.Inputs.Select(v => (double)(float)v), singles.Inputs.ToArray());
        Assert.Equal((double)(float)0.1, singles.Inputs[0, 0]);
        Assert.Equal(new[] { (double)(float)-1e-9, (double)(float)12345.678 }, singles.Inputs.GetRow(1));
        Assert.True(singles.Inputs.IsFinite());
        Assert.Same(singles, singles.WithPrecision(Precision.Single));
        Assert.Equal(singles.Inputs.ToArray(), singles.WithPrecision(Precision.Double).Inputs.ToArray());
        Assert.Equal(Precision.Double, singles.WithPrecision(Precision.Double).Precision);
    }

    [Fact]
    public void PartsAndScaledCopiesStayFloats()
    {
        Dataset singles = Data().WithPrecision(Precision.Single);
        var (training, validation) = singles.Split(0.34, 1);
        Assert.Equal(Precision.Single, training.Precision);
        Assert.Equal(Precision.Single, validation.Precision);
        Dataset picked = singles.Rows(new[] { 2, 0 }, 0, 2);
        Assert.Equal(singles.Inputs.GetRow(2).Concat(singles.Inputs.GetRow(0)), picked.Inputs.ToArray());
        InputScaling scaling = InputScaling.Fit(singles.Inputs);
        Dataset scaled = singles.Scaled(scaling);
        Assert.Equal(Precision.Single, scaled.Precision);
        Assert.Equal((float)((singles.Inputs[1, 1] - scaling.Mean[1]) / scaling.Scale[1]), scaled.Inputs[1, 1]);
    }

    [Fact]
    public void AValueBeyondFloatRangeIsRefusedByName()
    {
        var data = new Dataset(Matrix.FromRows(new[] { new[] { 1.0, 2.0 }, new[] { 3.0, 1e39 } }), Matrix.FromRows(new[] { new[] { 1.0 }, new[] { 0.0 } }));
        var e = Assert.Throws<BackpropException>(() => data.WithPrecision(Precision.Single));
        Assert.Equal("ValueOutOfSingleRange", e.ErrorId);
        Assert.Contains("row 2, column 2", e.Message);
        Assert.Contains("1E+39", e.Message);
    }
}
