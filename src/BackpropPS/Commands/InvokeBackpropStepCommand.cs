using BackpropPS.Core.Explain;

namespace BackpropPS.Commands
{
    /// <summary>
    /// One full training step (forward, loss, backward, update) kept whole: it prints as the seed's report,
    /// and Get-BackpropParameter breaks it into one row per parameter with its chain-rule factors.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropStep")]
    [OutputType(typeof(TrainingStep))]
    public sealed class InvokeBackpropStepCommand : NetworkInputCmdlet
    {
        /// <summary>The wanted outputs: one per sample.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Target { get; set; }

        /// <summary>The loss function; by default the one Invoke-BackpropTraining uses on the same network (Losses.DefaultFor).</summary>
        [Parameter]
        public LossFunction? Loss { get; set; }

        /// <summary>The step size: each parameter moves by -LearningRate times its gradient.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DecimalNumber]
        public double LearningRate { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            WriteResult(() =>
            {
                var (inputs, targets) = NumericArgument.ToSamples(Input, Target, InputObject);
                return TrainingStep.Take(InputObject, InputObject.PrepareInputs(inputs), targets, Loss ?? Losses.DefaultFor(InputObject), LearningRate);
            }, InputObject);
    }
}
