using System.IO;
using BackpropPS.Core;
using BackpropPS.Core.Data;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Reports;
using BackpropPS.Core.Training;

namespace BackpropPS.Browser.Tests;

/// <summary>The pages the tests open: the seed's step, and a short run on the Circle set with its gradient flow.</summary>
internal static class ReportPages
{
    /// <summary>The seed walk-through's one step (2-2-2 sigmoid, shared biases, learning rate 0.5).</summary>
    public static TrainingStep SeedStep() => TrainingStep.Take(NetworkFactory.StepByStep(),
        Matrix.FromRow(0.05, 0.10), Matrix.FromRow(0.01, 0.99), LossFunction.HalfSquaredError, 0.5);

    public static Dataset Circle() => DatasetGenerator.Generate(DatasetName.Circle, 120, 0.1, 7);

    /// <summary>30 epochs of a 2-4-1 network on <see cref="Circle"/>, with the gradient flow recorded.</summary>
    public static List<EpochResult> CircleRun() => Trainer.Train(
        NetworkFactory.Random(new[] { 2, 4, 1 }, new[] { Activation.Tanh, Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Auto, 3),
        Circle(), null, new TrainingOptions { Epochs = 30, BatchSize = 16, Seed = 3, GradientFlow = true, Optimizer = new OptimizerSettings { LearningRate = 0.5 } }).ToList();

    public static string WriteStep(string folder, params TrainingStep[] steps)
    {
        string path = Path.Combine(folder, $"step-{Guid.NewGuid():N}.html");
        using (var writer = new StreamWriter(path)) StepPage.Write(steps, writer, null);
        return path;
    }

    public static string WriteRun(string folder, IReadOnlyList<EpochResult> epochs, Dataset data)
    {
        string path = Path.Combine(folder, $"run-{Guid.NewGuid():N}.html");
        using (var writer = new StreamWriter(path)) RunPage.Write(epochs, data, writer, null);
        return path;
    }

    /// <summary>The seed's printout: "name: old -> new", "Total loss E=...", "delta_o1=..., delta_o2=..." as name to text.</summary>
    public static Dictionary<string, string> SeedPrintout()
    {
        var numbers = new Dictionary<string, string>();
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "seed.txt"));
        int start = Array.FindLastIndex(lines, l => l.StartsWith("=== Forward ===", StringComparison.Ordinal));
        foreach (string line in lines.Skip(start))
        {
            if (line.Contains(" -> ")) numbers[line[..line.IndexOf(':')]] = line[(line.IndexOf("-> ", StringComparison.Ordinal) + 3)..].Trim();
            else if (line.StartsWith("Total loss E=", StringComparison.Ordinal)) numbers["loss"] = line["Total loss E=".Length..].Trim();
            else if (line.StartsWith("delta_", StringComparison.Ordinal))
                foreach (string part in line.Split(", ")) numbers[part[..part.IndexOf('=')]] = part[(part.IndexOf('=') + 1)..].Trim();
        }
        return numbers;
    }
}
