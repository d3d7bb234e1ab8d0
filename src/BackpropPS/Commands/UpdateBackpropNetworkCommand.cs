namespace BackpropPS.Commands
{
    /// <summary>Takes one gradient-descent step and emits the new network; the old one is unchanged.</summary>
    [Cmdlet(VerbsData.Update, "BackpropNetwork")]
    [OutputType(typeof(Network))]
    public sealed class UpdateBackpropNetworkCommand : BackpropCmdlet
    {
        /// <summary>The gradient from Get-BackpropGradient.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Gradient")]
        [ValidateNotNull]
        [TravellingObject]
        public Gradient InputObject { get; set; }

        /// <summary>The step size: each parameter moves by -LearningRate times its gradient.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [DecimalNumber]
        public double LearningRate { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            WriteResult(() => GradientDescent.Step(InputObject, LearningRate), LearningRate);
    }
}
