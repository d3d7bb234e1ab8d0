using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.IO;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Reports;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core.Tests.Reports;

public class StepPageTests
{
    [Fact]
    public void ThePageIsSelfContained()
    {
        string html = ReportPageText.Write(w => StepPage.Write(new[] { SeedWalkThrough.Step() }, w, null));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotMatch("(?i)\\s(src|href)\\s*=", html);
        Assert.DoesNotContain("url(", html);
        Assert.Contains("default-src 'none'", html);
        // The scripts are inline: both the shared one and the step page's own.
        Assert.Contains("function slider(", html);
        Assert.Contains("function explain(", html);
    }

    [Fact]
    public void ItHoldsTheTraceGetBackpropParameterGives()
    {
        TrainingStep step = SeedWalkThrough.Step();
        JObject data = ReportPageText.Data(ReportPageText.Write(w => StepPage.Write(new[] { step }, w, null)));
        var columns = data["traceColumns"].Values<string>().ToList();
        var rows = (JArray)data["steps"][0]["trace"];
        Assert.Equal(step.Trace.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            ParameterTrace expected = step.Trace[i];
            foreach (string column in columns)
            {
                object value = typeof(ParameterTrace).GetProperty(column).GetValue(expected);
                JToken token = rows[i][columns.IndexOf(column)];
                if (value == null) Assert.Equal(JTokenType.Null, token.Type);
                else if (value is double d) Assert.Equal(d, token.Value<double>());
                else Assert.Equal(Convert.ToString(value, CultureInfo.InvariantCulture), token.Value<string>());
            }
        }
        Assert.Equal(SeedWalkThrough.Loss, data["steps"][0]["loss"].Value<double>(), 12);
    }

    [Fact]
    public void NumbersAreRoundTripWhateverTheCulture()
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            string json = ReportPageText.Json(ReportPageText.Write(w => StepPage.Write(new[] { SeedWalkThrough.Step() }, w, null)));
            Assert.Contains("\"loss\":" + SeedWalkThrough.Step().Loss.ToString("R", CultureInfo.InvariantCulture), json);
            Assert.DoesNotContain("0,05", json);
        }
        finally { CultureInfo.CurrentCulture = culture; }
    }

    [Fact]
    public void TheTitleIsTextNeverMarkup()
    {
        string html = ReportPageText.Write(w => StepPage.Write(new[] { SeedWalkThrough.Step() }, w, "</script><b>x</b> & y"));
        Assert.Contains("<title>&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; &amp; y</title>", html);
        Assert.DoesNotContain("<b>x</b>", html);
    }

    [Fact]
    public void NoStepIsEmptyReport() =>
        Assert.Equal("EmptyReport", Errors.Fails(() => StepPage.Write(Array.Empty<TrainingStep>(), TextWriter.Null, null)).ErrorId);

    [Fact]
    public void ANetworkTooLargeToDrawIsRefused()
    {
        Network big = NetworkFactory.Random(new[] { 40, 30, 2 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 1);
        var step = TrainingStep.Take(big, new Matrix(1, 40, new double[40]), Matrix.FromRow(0, 1), LossFunction.HalfSquaredError, 0.1);
        BackpropException e = Errors.Fails(() => StepPage.Write(new[] { step }, TextWriter.Null, null));
        Assert.Equal("ReportNetworkTooLarge", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
    }
}
