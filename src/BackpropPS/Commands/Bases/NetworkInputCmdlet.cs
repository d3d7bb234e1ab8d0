namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the commands that run one network on samples typed at the prompt (Invoke-BackpropForward,
    /// Invoke-BackpropStep, Test-BackpropGradient): the network piped, or bound by property name from an object
    /// with a Network property, and -Input as one sample (0.05, 0.10) or a batch (@(0.05, 0.10), @(0.2, 0.3)).
    /// </summary>
    public abstract class NetworkInputCmdlet : BackpropCmdlet
    {
        /// <summary>The network; it is not changed.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        [TravellingObject]
        public Network InputObject { get; set; }

        /// <summary>One sample (0.05, 0.10) or a batch (@(0.05, 0.10), @(0.2, 0.3)).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Input { get; set; }
    }
}
