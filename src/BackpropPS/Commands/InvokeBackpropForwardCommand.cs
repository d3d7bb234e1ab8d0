namespace BackpropPS.Commands
{
    /// <summary>Runs a network on one sample or a batch, keeping every layer's z and a.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropForward")]
    [OutputType(typeof(ForwardPass))]
    public sealed class InvokeBackpropForwardCommand : NetworkInputCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord() =>
            WriteResult(() => Backpropagation.Forward(InputObject, InputObject.PrepareInputs(NumericArgument.ToInputs(Input, nameof(Input), InputObject.InputSize))), Input);
    }
}
