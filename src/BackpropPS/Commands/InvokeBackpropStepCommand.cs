using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Core.Explain;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// One full training step (forward, loss, backward, update) kept whole: it prints as the seed's report,
    /// and Get-BackpropParameter breaks it into one row per parameter with its chain-rule factors.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropStep")]
    [OutputType(typeof(TrainingStep))]
    public sealed class InvokeBackpropStepCommand : BackpropCmdlet
    {
        /// <summary>The network to train; it is not changed (the step's After property is the new network).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        public Network InputObject { get; set; }

        /// <summary>One sample (0.05, 0.10) or a batch (@(0.05, 0.10), @(0.2, 0.3)).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Input { get; set; }

        /// <summary>The wanted outputs: one per sample.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Target { get; set; }

        /// <summary>The loss function; by default the one Invoke-BackpropTraining uses on the same network (Losses.DefaultFor).</summary>
        [Parameter]
        public LossFunction? Loss { get; set; }

        /// <summary>The step size: each parameter moves by -LearningRate times its gradient.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DecimalText]
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
