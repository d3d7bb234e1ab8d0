using System;
using System.Globalization;
using System.IO;
using System.Linq;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Onnx;

/// <summary>Networks and data for the ONNX tests: random ones with biases that are not zero, and Iris trained here.</summary>
internal static class TestNetworks
{
    /// <summary>A network whose weights and biases are drawn from [-1, 1], with an input scaling when asked.</summary>
    public static Network Random(int[] sizes, Activation[] activations, BiasMode mode, int seed, bool standardize)
    {
        var random = new Random(seed);
        double Next() => random.NextDouble() * 2 - 1;
        var layers = Enumerable.Range(0, sizes.Length - 1).Select(l => new Layer(sizes[l], sizes[l + 1],
            Enumerable.Range(0, sizes[l] * sizes[l + 1]).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, Layer.BiasCount(mode, sizes[l + 1])).Select(_ => Next()).ToArray(), activations[l], mode)).ToArray();
        DataSchema schema = standardize
            ? new DataSchema(new string[0], new string[0], null,
                new InputScaling(Enumerable.Range(0, sizes[0]).Select(_ => Next() * 5).ToArray(), Enumerable.Range(0, sizes[0]).Select(_ => 0.5 + random.NextDouble() * 3).ToArray()))
            : null;
        return new Network(layers, schema);
    }

    /// <summary>Raw inputs in [-3, 3].</summary>
    public static double[,] Inputs(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var inputs = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++) inputs[r, c] = random.NextDouble() * 6 - 3;
        }
        return inputs;
    }

    /// <summary>The module's own forward pass over raw inputs (scaled as the network's schema says).</summary>
    public static double[,] Forward(Network network, double[,] raw)
    {
        Matrix output = Backpropagation.Forward(network, network.PrepareInputs(Matrix.FromArray(raw))).Output;
        var result = new double[output.Rows, output.Columns];
        for (int k = 0; k < output.Count; k++) result[k / output.Columns, k % output.Columns] = output[k];
        return result;
    }

    /// <summary>The module's shipped Iris, with the schema records would give it.</summary>
    public static Dataset Iris()
    {
        string[] lines = File.ReadAllLines(RepositoryFile("module", "data", "iris.csv"));
        string[] labels = { "setosa", "versicolor", "virginica" };
        string[][] rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var inputs = new double[rows.Length, 4];
        var targets = new double[rows.Length, 3];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < 4; c++) inputs[r, c] = double.Parse(rows[r][c], CultureInfo.InvariantCulture);
            targets[r, Array.IndexOf(labels, rows[r][4])] = 1;
        }
        var schema = new DataSchema(lines[0].Split(',').Take(4), new[] { "species" }, labels);
        return new Dataset(Matrix.FromArray(inputs), Matrix.FromArray(targets), schema);
    }

    /// <summary>The README tour's Iris run: 4-8-3 Tanh and Softmax, Adam, standardised inputs.</summary>
    public static Network TrainIris(Dataset iris)
    {
        Network model = NetworkFactory.Random(new[] { 4, 8, 3 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, seed: 3);
        TrainingPreparation prepared = TrainingPreparation.Prepare(model, iris, iris.Schema, validationFraction: 0.2, seed: 3, standardize: true);
        var options = new TrainingOptions { Epochs = 100, BatchSize = 16, Loss = LossFunction.CrossEntropy, Seed = 3, Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.01 } };
        return Trainer.Train(prepared.Network, prepared.Training, prepared.Validation, options).Last().Network;
    }

    /// <summary>A file of the repository, found from the test's folder upwards.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string path = Path.Combine(new[] { dir.FullName }.Concat(parts).ToArray());
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(string.Join("/", parts) + " not found above " + AppContext.BaseDirectory);
    }
}
