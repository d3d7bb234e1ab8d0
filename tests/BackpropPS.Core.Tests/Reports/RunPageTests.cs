using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using BackpropPS.Core.Data;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Reports;
using BackpropPS.Core.Training;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core.Tests.Reports;

public class RunPageTests
{
    private static List<EpochResult> Rows(Network network, int count) =>
        Enumerable.Range(1, count).Select(e => new EpochResult(e, 1.0 / e, null, 0.5, null, 0.1, 0.01, TimeSpan.FromSeconds(e), network)).ToList();

    private static Network Small(long seed = 1) =>
        NetworkFactory.Random(new[] { 2, 3, 2 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, seed);

    [Fact]
    public void EveryEpochsFiguresAreKept()
    {
        var rows = Rows(Small(), 500);
        JObject data = ReportPageText.Data(ReportPageText.Write(w => RunPage.Write(rows, null, w, null)));
        Assert.Equal(rows.Select(r => r.Loss), data["epochs"]["loss"].Values<double>());
        Assert.Equal(ReportLimits.MaxSnapshots, ((JArray)data["snapshots"]).Count);
        Assert.Equal(500, data["snapshots"].Last["epoch"].Value<int>());
    }

    [Fact]
    public void AFashionMnistSizedRunStaysUnderTenMegabytes()
    {
        Network mlp = NetworkFactory.Random(new[] { 784, 256, 128, 10 }, new[] { Activation.ReLU, Activation.ReLU, Activation.Softmax },
            BiasMode.PerNeuron, Initialization.Auto, 1);
        string html = ReportPageText.Write(w => RunPage.Write(Rows(mlp, 300), null, w, null));
        Assert.True(html.Length < 10_000_000, $"{html.Length} characters");
        JObject data = ReportPageText.Data(html);
        JToken last = data["snapshots"].Last;
        // The two large layers as images (one byte per weight), the last one exact.
        Assert.Equal(784 * 256, Convert.FromBase64String(last["layers"][0]["image"].Value<string>()).Length);
        Assert.Equal(256 * 128, Convert.FromBase64String(last["layers"][1]["image"].Value<string>()).Length);
        Assert.Equal(10, ((JArray)last["layers"][2]["weights"]).Count);
        Assert.Equal(300, last["epoch"].Value<int>());
    }

    [Fact]
    public void AnImageLayerKeepsItsLargestWeightAndEachNeuronsNorm()
    {
        Network wide = NetworkFactory.Random(new[] { 100, 50, 2 }, new[] { Activation.ReLU, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 1);
        JObject data = ReportPageText.Data(ReportPageText.Write(w => RunPage.Write(Rows(wide, 1), null, w, null)));
        JToken layer = data["snapshots"][0]["layers"][0];
        Matrix weights = wide.Layers[0].Weights;
        Assert.Equal(weights.Max(v => Math.Abs(v)), layer["largest"].Value<double>());
        Assert.Equal(Math.Sqrt(weights.GetRow(3).Sum(v => v * v)), layer["norms"][3].Value<double>());
        byte[] image = Convert.FromBase64String(layer["image"].Value<string>());
        int largest = Enumerable.Range(0, weights.Count).First(i => Math.Abs(weights[i]) == layer["largest"].Value<double>());
        Assert.Equal(weights[largest] > 0 ? 255 : 1, image[largest]);
    }

    [Fact]
    public void ATwoInputNetworkGetsTheBoundaryOverItsData()
    {
        Dataset data = DatasetGenerator.Generate(DatasetName.Circle, 50, 0.1, 1);
        var rows = Rows(Small(), 3);
        JObject page = ReportPageText.Data(ReportPageText.Write(w => RunPage.Write(rows, data, w, null)));
        var grid = BoundaryGrid.FromData(data.Inputs, ReportLimits.BoundaryResolution);
        Assert.Equal(grid.XMin, page["boundary"]["xMin"].Value<double>());
        Assert.Equal(50, ((JArray)page["boundary"]["x"]).Count);
        byte[] classes = Convert.FromBase64String(page["snapshots"][0]["classes"].Value<string>());
        var map = DecisionBoundary.Classes(rows[0].Network, grid);
        Assert.Equal(Enumerable.Range(0, grid.Count).Select(p => (byte)map.Predicted(p)), classes);
    }

    [Fact]
    public void ClassLabelsCannotCloseTheScriptBlock()
    {
        Network labelled = Small().WithSchema(new DataSchema(new[] { "x", "y" }, new[] { "label" }, new[] { "</script><b>a</b>", "b" }));
        Dataset data = DatasetGenerator.Generate(DatasetName.Circle, 20, 0.1, 1);
        string html = ReportPageText.Write(w => RunPage.Write(Rows(labelled, 2), data, w, null));
        Assert.DoesNotContain("<b>a</b>", html);
        Assert.Equal("</script><b>a</b>", ReportPageText.Data(html)["boundary"]["labels"][0].Value<string>());
    }

    [Fact]
    public void RowsOfTwoRunsAreRefused()
    {
        var rows = Rows(Small(), 3).Concat(Rows(Small(2), 3)).ToList();
        Assert.Equal("MixedReportInput", Errors.Fails(() => RunPage.Write(rows, null, TextWriter.Null, null)).ErrorId);
    }

    [Fact]
    public void TooManyEpochsAreRefused()
    {
        BackpropException e = Errors.Fails(() => RunPage.Check(Rows(Small(), ReportLimits.MaxEpochs + 1)));
        Assert.Equal("ReportTooManyEpochs", e.ErrorId);
        Assert.Contains("100,000", e.Message);
    }
}
