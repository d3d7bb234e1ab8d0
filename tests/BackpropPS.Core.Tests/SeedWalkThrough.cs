using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Tests;

/// <summary>
/// The seed walk-through (../shared/seed): its 2-2-2 network with one shared bias per layer
/// (NetworkFactory.StepByStep), its one sample, its learning rate, and the numbers it prints to 12 decimals.
/// </summary>
internal static class SeedWalkThrough
{
    /// <summary>x1, x2.</summary>
    public static Matrix Input => Matrix.FromRow(0.05, 0.10);

    /// <summary>y1, y2.</summary>
    public static Matrix Target => Matrix.FromRow(0.01, 0.99);

    /// <summary>alpha.</summary>
    public const double LearningRate = 0.5;

    /// <summary>The walk-through's one step (forward, loss sum(1/2 (y - yhat)^2), backward, update) on the explain path.</summary>
    public static TrainingStep Step() => TrainingStep.Take(NetworkFactory.StepByStep(),
        Matrix.FromRow(0.05, 0.10), Matrix.FromRow(0.01, 0.99), LossFunction.HalfSquaredError, 0.5);

    // What it prints ("=== Forward ===", "=== Backward (key deltas) ===", "=== Updated params ===").
    public const double Yhat1 = 0.751365069552, Yhat2 = 0.772928465321, Loss = 0.298371108760;
    public const double DeltaO1 = 0.138498561629, DeltaO2 = -0.038098236517, DeltaH1 = 0.008771354689, DeltaH2 = 0.009954254705;

    /// <summary>The parameters after the step, in the order the walk-through prints them, by its names.</summary>
    public static readonly (string Name, double Value)[] Updated =
    {
        ("w1_11", 0.149780716133), ("w1_12", 0.249751143632), ("w1_21", 0.199561432266), ("w1_22", 0.299502287265),
        ("b1", 0.340637195303),
        ("w2_11", 0.358916479718), ("w2_12", 0.511301270239), ("w2_21", 0.408666186076), ("w2_22", 0.561370121108),
        ("b2", 0.549799837444),
    };
}
