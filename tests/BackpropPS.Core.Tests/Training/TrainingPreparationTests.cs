using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests.Training;

/// <summary>The split, the scaling and the schema of a training run, in one place.</summary>
public class TrainingPreparationTests
{
    private static readonly Dataset Data = new(new Matrix(4, 1, new[] { 1.0, 2, 3, 4 }), new Matrix(4, 1, new[] { 0.0, 1, 0, 1 }));

    [Fact]
    public void TheScalingIsFittedOnTheTrainingPartOnly()
    {
        Network network = NetworkFactory.Random(new[] { 1, 1 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Xavier, 1);
        var run = TrainingPreparation.Prepare(network, Data, null, 0.25, 3, standardize: true);
        var (training, validation) = Data.Split(0.25, 3);
        var scaling = InputScaling.Fit(training.Inputs);
        Assert.Equal(scaling.Mean, run.Network.Schema.Scaling.Mean);
        Assert.Equal(scaling.Apply(training.Inputs).ToArray(), run.Training.Inputs.ToArray());
        Assert.Equal(scaling.Apply(validation.Inputs).ToArray(), run.Validation.Inputs.ToArray());
        Assert.Null(network.Schema);
    }

    [Fact]
    public void WithoutStandardizeTheNetworksOwnScalingApplies()
    {
        var scaling = new InputScaling(new[] { 2.0 }, new[] { 4.0 });
        Network network = NetworkFactory.Random(new[] { 1, 1 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Xavier, 1)
            .WithSchema(new DataSchema(new string[0], null, null, scaling));
        var run = TrainingPreparation.Prepare(network, Data, null, 0, 0, standardize: false);
        Assert.Null(run.Validation);
        Assert.Equal(new[] { -0.25, 0, 0.25, 0.5 }, run.Training.Inputs.ToArray());
    }

    [Fact]
    public void TheDataSchemaGoesToTheNetwork()
    {
        Network network = NetworkFactory.Random(new[] { 1, 1 }, new[] { Activation.Sigmoid }, BiasMode.PerNeuron, Initialization.Xavier, 1);
        var schema = new DataSchema(new[] { "x" }, new[] { "y" }, new[] { "no", "yes" });
        var run = TrainingPreparation.Prepare(network, Data, schema, 0, 0, standardize: false);
        Assert.Equal(new[] { "no", "yes" }, run.Network.Schema.ClassLabels);
        Assert.Same(Data, run.Training);
    }
}
