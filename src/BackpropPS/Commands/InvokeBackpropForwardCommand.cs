using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>Runs a network on one sample or a batch, keeping every layer's z and a.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropForward")]
    [OutputType(typeof(ForwardPass))]
    public sealed class InvokeBackpropForwardCommand : BackpropCmdlet
    {
        /// <summary>The network to run.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        public Network InputObject { get; set; }

        /// <summary>One sample (0.05, 0.10) or a batch (@(0.05, 0.10), @(0.2, 0.3)).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Input { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            WriteResult(() => Backpropagation.Forward(InputObject, InputObject.PrepareInputs(NumericArgument.ToInputs(Input, nameof(Input), InputObject.InputSize))), Input);
    }
}
