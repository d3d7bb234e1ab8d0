namespace BackpropPS.Commands
{
    /// <summary>Backpropagates a loss through a forward pass: the loss, every delta and every gradient.</summary>
    [Cmdlet(VerbsCommon.Get, "BackpropGradient")]
    [OutputType(typeof(Gradient))]
    public sealed class GetBackpropGradientCommand : BackpropCmdlet
    {
        /// <summary>The forward pass from Invoke-BackpropForward.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ForwardPass")]
        [ValidateNotNull]
        [TravellingObject]
        public ForwardPass InputObject { get; set; }

        /// <summary>The wanted outputs: one per sample of the forward pass.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Target { get; set; }

        /// <summary>The loss function.</summary>
        [Parameter]
        public LossFunction Loss { get; set; } = LossFunction.HalfSquaredError;

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            WriteResult(() => Backpropagation.Backward(InputObject, NumericArgument.ToTargets(Target, nameof(Target), InputObject.SampleCount, InputObject.Network.OutputSize), Loss), Target);
    }
}
