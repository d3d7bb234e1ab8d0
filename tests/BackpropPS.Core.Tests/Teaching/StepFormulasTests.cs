using BackpropPS.Core.Teaching;
using static BackpropPS.Core.Tests.Teaching.SeedExercise;

namespace BackpropPS.Core.Tests.Teaching;

/// <summary>The formulas the grader recomputes with: the right way gives the step's values, each mistake model what a student making it writes.</summary>
public class StepFormulasTests
{
    // The formulas the grader recomputes with give the module's own step, for every activation, loss and bias mode.
    [Theory]
    [InlineData(Activation.Sigmoid, Activation.Sigmoid, LossFunction.HalfSquaredError, BiasMode.Shared)]
    [InlineData(Activation.Tanh, Activation.Sigmoid, LossFunction.BinaryCrossEntropy, BiasMode.PerNeuron)]
    [InlineData(Activation.ReLU, Activation.Linear, LossFunction.MeanSquaredError, BiasMode.PerNeuron)]
    [InlineData(Activation.LeakyReLU, Activation.Softmax, LossFunction.CrossEntropy, BiasMode.None)]
    [InlineData(Activation.Sigmoid, Activation.Softmax, LossFunction.HalfSquaredError, BiasMode.Shared)]
    [InlineData(Activation.Softmax, Activation.Tanh, LossFunction.HalfSquaredError, BiasMode.PerNeuron)]
    public void RecomputingEachQuantityTheRightWayGivesTheStepsValue(Activation hidden, Activation output, LossFunction loss, BiasMode bias)
    {
        foreach (int seed in new[] { 1, 2, 3 })
        {
            Exercise e = Exercise.FromSeed(seed, new[] { 3, 3, 2, 2 }, new[] { hidden, hidden, output }, bias, loss);
            foreach (ExerciseQuantity q in e.AllQuantities)
                Assert.Equal(q.Expected, StepFormulas.Compute(e, q, n => e.Find(n).Expected, ExerciseMistake.None), 1e-12);
        }
    }

    [Fact]
    public void EachMistakeModelGivesWhatAStudentMakingItWrites()
    {
        Assert.Equal((AO1 - 0.01) * AO1, With("delta_o1", ExerciseMistake.ActivationAsDerivative), Tolerance);
        Assert.Equal(AO1 - 0.01, With("delta_o1", ExerciseMistake.ForgotActivationDerivative), Tolerance);
        Assert.Equal((0.358916479718 * DeltaO1 + 0.511301270239 * DeltaO2) * AH1 * (1 - AH1),
            With("delta_h1", ExerciseMistake.NewWeightInDownstreamSum), Tolerance);
        Assert.Equal(DeltaO1, With("dE/db2", ExerciseMistake.DroppedBiasSumTerm, 1), Tolerance);
        Assert.Equal(DeltaO2, With("dE/db2", ExerciseMistake.DroppedBiasSumTerm, 0), Tolerance);
        Assert.Equal(0.15 + (0.15 - 0.149780716133), With("w1_11", ExerciseMistake.SignFlipped), Tolerance);
        Assert.Equal(-DeltaO1, With("delta_o1", ExerciseMistake.SignFlipped), Tolerance);
        Assert.Equal(DeltaO1 * ZH1, With("dE/dw2_11", ExerciseMistake.ZInsteadOfA), Tolerance);
        Assert.Equal(0.40 * ZH1 + 0.45 * ZH2 + 0.60, With("z_o1", ExerciseMistake.ZInsteadOfA), Tolerance);
        Assert.Equal(0.05 * 0.15 + 0.10 * 0.20, With("z_h1", ExerciseMistake.ForgotBias), Tolerance);
        Assert.Equal(0.15 - (0.15 - 0.149780716133) / 0.5, With("w1_11", ExerciseMistake.ForgotLearningRate), Tolerance);
        // A mistake that cannot be made on a quantity gives nothing to match.
        Assert.True(double.IsNaN(With("dE/dw1_11", ExerciseMistake.ZInsteadOfA)));
        Assert.True(double.IsNaN(With("a_h1", ExerciseMistake.DroppedBiasSumTerm)));
    }
}
