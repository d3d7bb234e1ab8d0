using System.Linq;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Training;
using static BackpropPS.Core.Tests.Pictures.PictureFixtures;

namespace BackpropPS.Core.Tests.Evaluation;

/// <summary>The classes a network predicts for chosen samples of a data set.</summary>
public class SampleClassesTests
{
    [Fact]
    public void PredictionsOfManySamplesGoThroughInChunks()
    {
        // 1,300 samples is more than two chunks; every one must come back, in order, with the forward pass's class.
        var rows = Enumerable.Range(0, 1300).Select(k => new[] { k % 2 == 0 ? 1.0 : 0, 0, 0, k % 2 == 0 ? 0.0 : 1 }).ToArray();
        var onehot = Enumerable.Range(0, 1300).Select(k => new[] { 1.0, 0 }).ToArray();
        var data = new Dataset(Matrix.FromRows(rows), Matrix.FromRows(onehot));
        var predicted = SampleClasses.Predict(Picker(), data, Enumerable.Range(0, 1300).Reverse()).ToArray();
        Assert.Equal(Enumerable.Range(0, 1300).Reverse(), predicted.Select(p => p.Row));
        Assert.All(predicted, p => Assert.Equal(p.Row % 2, p.Predicted));
    }
}
