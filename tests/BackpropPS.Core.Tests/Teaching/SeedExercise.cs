using System;
using BackpropPS.Core.Teaching;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>The seed walk-through as a worksheet (Exercise.StepByStep), its printed numbers, and what follows from them by hand.</summary>
internal static class SeedExercise
{
    public const double Tolerance = 1e-12;

    public static readonly Exercise Seed = Exercise.StepByStep();

    // The seed walk-through's printed numbers (../shared/seed), and what follows from them by hand.
    public const double DeltaO1 = 0.138498561629, DeltaO2 = -0.038098236517, DeltaH1 = 0.008771354689;
    public const double AO1 = 0.751365069552;
    public static readonly double ZH1 = 0.05 * 0.15 + 0.10 * 0.20 + 0.35; // 0.3775
    public static readonly double AH1 = 1 / (1 + Math.Exp(-ZH1));
    public static readonly double ZH2 = 0.05 * 0.25 + 0.10 * 0.30 + 0.35;
    public static readonly double AH2 = 1 / (1 + Math.Exp(-ZH2));

    /// <summary>The right value of a quantity of the seed's worksheet.</summary>
    public static double Expected(string name) => Seed.Find(name).Expected;

    /// <summary>A quantity of the seed's worksheet as a student making <paramref name="mistake"/> computes it.</summary>
    public static double With(string name, ExerciseMistake mistake, int variant = 0) =>
        StepFormulas.Compute(Seed, Seed.Find(name), Expected, mistake, variant);
}
