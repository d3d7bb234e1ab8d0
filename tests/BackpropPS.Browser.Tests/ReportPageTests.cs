using System.Globalization;
using BackpropPS.Core;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;

namespace BackpropPS.Browser.Tests;

/// <summary>The explorable pages in headless Chromium: they load cleanly, show the seed's numbers, and explain them.</summary>
[Collection("Browser")]
public sealed class ReportPageTests
{
    private readonly BrowserFixture _browser;

    public ReportPageTests(BrowserFixture browser) => _browser = browser;

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Decimals12(string text) => Number(text).ToString("F12", CultureInfo.InvariantCulture);

    private async Task<OpenedPage> OpenAsync(string path)
    {
        Skip.If(_browser.Browser == null, _browser.Why);
        return await OpenedPage.OpenAsync(_browser.Browser, path);
    }

    [SkippableFact]
    public async Task StepPageLoadsWithoutErrorsOrRequests()
    {
        await using var page = await OpenAsync(ReportPages.WriteStep(_browser.Folder, ReportPages.SeedStep()));
        Assert.Empty(page.Errors);
        Assert.Empty(page.Requests);
        Assert.Equal(10, (await page.RowsAsync("#parameters")).Length);
    }

    [SkippableFact]
    public async Task RunPageLoadsWithoutErrorsOrRequests()
    {
        await using var page = await OpenAsync(ReportPages.WriteRun(_browser.Folder, ReportPages.CircleRun(), ReportPages.Circle()));
        Assert.Empty(page.Errors);
        Assert.Empty(page.Requests);
        // Every panel is there: the curves, the network, the boundary and the gradient flow.
        foreach (string panel in new[] { "#curves svg", "#network svg", "#boundary canvas", "#flow svg", "#settings-table" })
            Assert.NotNull(await page.Page.QuerySelectorAsync(panel));
    }

    [SkippableFact]
    public async Task APageThatAsksForSomethingIsCaught()
    {
        // The watch itself: a page that loads an image from elsewhere has its request recorded (so the two tests
        // above can fail).
        string path = Path.Combine(_browser.Folder, "fetching.html");
        File.WriteAllText(path, "<!DOCTYPE html><html><body><img src=\"https://example.invalid/x.png\"><script>console.error('seen')</script></body></html>");
        await using var page = await OpenAsync(path);
        Assert.Contains("https://example.invalid/x.png", page.Requests);
        Assert.Contains("seen", page.Errors);
    }

    [SkippableFact]
    public async Task SeedStepPageShowsTheSeedsNumbers()
    {
        await using var page = await OpenAsync(ReportPages.WriteStep(_browser.Folder, ReportPages.SeedStep()));
        var seed = ReportPages.SeedPrintout();
        var parameters = await page.RowsAsync("#parameters");
        Assert.Equal(10, parameters.Length);
        foreach (string[] row in parameters) Assert.Equal(seed[row[0]], Decimals12(row[3]));
        Assert.Equal(seed["loss"], Decimals12(await page.TextAsync("#loss")));
        var neurons = (await page.RowsAsync("#neurons")).ToDictionary(r => r[0], r => r[4]);
        foreach (string neuron in new[] { "h1", "h2", "o1", "o2" }) Assert.Equal(seed["delta_" + neuron], Decimals12(neurons[neuron]));
    }

    [SkippableFact]
    public async Task ClickingAParameterShowsGetBackpropParametersFactors()
    {
        TrainingStep step = ReportPages.SeedStep();
        await using var page = await OpenAsync(ReportPages.WriteStep(_browser.Folder, step));
        foreach (ParameterTrace expected in step.Trace)
        {
            // A weight's label on its line, a shared bias's box: what a reader clicks.
            var target = await page.Page.QuerySelectorAsync($"text.clickable[data-name=\"{expected.Name}\"], g.clickable[data-name=\"{expected.Name}\"]");
            Assert.NotNull(target);
            await target.ClickAsync();
            Assert.StartsWith(expected.Name + ":", await page.TextAsync("#derivation h3"));
            var factors = await page.Page.EvaluateExpressionAsync<string[][]>(
                "[...document.querySelectorAll('#derivation-table tbody tr')].map(tr => [tr.dataset.factor, tr.children[1].textContent])");
            var shown = factors.ToDictionary(f => f[0], f => f[1]);
            foreach (var property in typeof(ParameterTrace).GetProperties().Where(p => p.Name is not ("Name" or "Layer" or "Kind" or "From" or "To")))
            {
                object value = property.GetValue(expected);
                if (value == null) { Assert.DoesNotContain(property.Name, shown.Keys); continue; }
                if (value is string text) Assert.Equal(text, shown[property.Name]);
                else Assert.Equal(Convert.ToDouble(value, CultureInfo.InvariantCulture), Number(shown[property.Name]));
            }
        }
        Assert.Empty(page.Errors);
    }

    [SkippableFact]
    public async Task ACrowdedDiagramShowsTheLabelOfTheSelectedWeightOnly()
    {
        Network network = NetworkFactory.Random(new[] { 4, 8, 3 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 3);
        var step = TrainingStep.Take(network, Matrix.FromRow(0.1, 0.2, 0.3, 0.4), Matrix.FromRow(0, 1, 0), LossFunction.CrossEntropy, 0.1);
        await using var page = await OpenAsync(ReportPages.WriteStep(_browser.Folder, step));
        const string Shown = "n => getComputedStyle(document.querySelector(`text[data-name=\"${n}\"]`)).display";
        Assert.Equal("none", await page.Page.EvaluateFunctionAsync<string>(Shown, "w1_23"));
        // The keyboard way to a weight: its line takes the focus, Enter selects it.
        await page.Page.FocusAsync("line[data-name=\"w1_23\"]");
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.StartsWith("w1_23:", await page.TextAsync("#derivation h3"));
        Assert.NotEqual("none", await page.Page.EvaluateFunctionAsync<string>(Shown, "w1_23"));
        Assert.Equal("none", await page.Page.EvaluateFunctionAsync<string>(Shown, "w1_11"));
        Assert.Empty(page.Errors);
    }

    [SkippableFact]
    public async Task PlayRunsForwardThenBackwardThenTheUpdate()
    {
        await using var page = await OpenAsync(ReportPages.WriteStep(_browser.Folder, ReportPages.SeedStep()));
        await page.Page.ClickAsync("#play-step");
        Assert.StartsWith("1/6 Forward: layer 1", await page.TextAsync("#phase"));
        // During the forward pass of layer 1 the output neurons show no numbers yet.
        Assert.DoesNotContain("z ", await page.Page.EvaluateExpressionAsync<string>("[...document.querySelectorAll('g.neuron')].pop().textContent"));
        await page.Page.WaitForFunctionAsync("() => document.querySelector('#phase').textContent.startsWith('4/6 Backward: the deltas of layer 2')");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('#phase').textContent.startsWith('5/6 Backward: the deltas of layer 1')");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('#phase').textContent.startsWith('6/6 Update')");
        Assert.Contains("→", await page.TextAsync("text[data-name=\"w1_11\"]"));
        Assert.Empty(page.Errors);
    }

    [SkippableFact]
    public async Task SeveralStepsHaveASlider()
    {
        TrainingStep first = ReportPages.SeedStep();
        TrainingStep second = TrainingStep.Take(first.After, first.Input, first.Target, first.LossFunction, first.LearningRate);
        await using var page = await OpenAsync(ReportPages.WriteStep(_browser.Folder, first, second));
        Assert.Equal(second.Loss, Number(await page.TextAsync("#loss")));
        await page.Page.FocusAsync("#slider");
        await page.Page.Keyboard.PressAsync("Home");
        Assert.Equal(first.Loss, Number(await page.TextAsync("#loss")));
        Assert.Equal("step 1 of 2", await page.TextAsync("#slider-value"));
    }

    [SkippableFact]
    public async Task MovingTheSliderToEpochKShowsThatEpochsLoss()
    {
        List<EpochResult> run = ReportPages.CircleRun();
        await using var page = await OpenAsync(ReportPages.WriteRun(_browser.Folder, run, ReportPages.Circle()));
        await page.Page.FocusAsync("#slider");
        await page.Page.Keyboard.PressAsync("Home");
        foreach (int k in new[] { 1, 7, 19 })
        {
            while (int.Parse((await page.TextAsync("#slider-value")).Split(' ')[1], CultureInfo.InvariantCulture) < k)
                await page.Page.Keyboard.PressAsync("ArrowRight");
            Assert.Equal($"epoch {k} of 30", await page.TextAsync("#slider-value"));
            var figures = (await page.RowsAsync("#epoch-table")).ToDictionary(r => r[0], r => r[1]);
            Assert.Equal(run[k - 1].Loss, Number(figures["loss"]));
            Assert.Equal(run[k - 1].Accuracy, Number(figures["accuracy"]));
            Assert.Equal($"Weights after epoch {k}.", await page.TextAsync("#network-epoch"));
            var flow = await page.RowsAsync("#flow-table");
            Assert.Equal(run[k - 1].GradientFlow[0].GradientNorm, Number(flow[0][1]));
        }
        Assert.Empty(page.Errors);
    }
}
