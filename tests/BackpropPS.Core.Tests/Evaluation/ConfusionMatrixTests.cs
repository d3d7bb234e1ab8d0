using BackpropPS.Core.Data;
using BackpropPS.Core.Evaluation;

namespace BackpropPS.Core.Tests.Evaluation;

/// <summary>The confusion matrix counts "correct" exactly as the trainer's accuracy does.</summary>
public class ConfusionMatrixTests
{
    [Fact]
    public void CountsPairsRecallAndAccuracy()
    {
        var counts = new ConfusionMatrix(new LabelEncoding(new[] { "a", "b", "c" }, 3, "x"));
        counts.Add(0, new[] { 0.8, 0.1, 0.1 });
        counts.Add(0, new[] { 0.1, 0.8, 0.1 });
        counts.Add(2, new[] { 0.1, 0.1, 0.8 });
        Assert.Equal(1, counts[0, 0]);
        Assert.Equal(1, counts[0, 1]);
        Assert.Equal(2, counts.RowTotal(0));
        Assert.Equal(0.5, counts.Recall(0));
        Assert.Null(counts.Recall(1));
        Assert.Equal(2, counts.Correct);
        Assert.Equal(3, counts.Total);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void AgreesWithTheTrainersAccuracy(int outputs)
    {
        var random = new System.Random(7);
        int rows = 200;
        var output = new double[rows * outputs];
        var targets = new double[rows * outputs];
        var actual = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < outputs; c++) output[r * outputs + c] = System.Math.Round(random.NextDouble(), 1); // ties included
            actual[r] = random.Next(outputs == 1 ? 2 : outputs);
            if (outputs == 1) targets[r] = actual[r];
            else targets[r * outputs + actual[r]] = 1;
        }
        var labels = outputs == 1 ? new[] { "no", "yes" } : new[] { "a", "b", "c" };
        var counts = new ConfusionMatrix(new LabelEncoding(labels, outputs, "x"));
        for (int r = 0; r < rows; r++) counts.Add(actual[r], new System.ArraySegment<double>(output, r * outputs, outputs));
        var targetMatrix = new Matrix(rows, outputs, targets);
        int trainer = Accuracy.CountCorrect(Accuracy.KindFor(targetMatrix), output, targets, rows, outputs);
        Assert.Equal(trainer, counts.Correct);
        Assert.Equal(trainer, Accuracy.CountCorrect(Accuracy.KindFor(targetMatrix), new Matrix(rows, outputs, output), targetMatrix));
    }
}
