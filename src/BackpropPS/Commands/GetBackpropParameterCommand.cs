using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;
using BackpropPS.Serialization;

namespace BackpropPS.Commands
{
    /// <summary>
    /// One flat row per weight and bias of a network or a gradient, ready for Export-Csv; of a training step,
    /// old, gradient and new with the chain-rule factors behind the gradient.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BackpropParameter")]
    [OutputType(typeof(NetworkParameter), typeof(ParameterTrace))]
    public sealed class GetBackpropParameterCommand : BackpropCmdlet
    {
        /// <summary>
        /// Networks, forward passes (their network), gradients (values and gradients), training steps or
        /// epoch rows (the network after the epoch).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject[] InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (PSObject item in InputObject) Write(item);
        }

        private void Write(PSObject item)
        {
            if (!TryRun(() => Rehydration.LiveBaseObject(item), item, out object value)) return;
            switch (value)
            {
                case Network network: WriteObject(Rows(network, null), enumerateCollection: true); break;
                case ForwardPass forward: WriteObject(Rows(forward.Network, null), enumerateCollection: true); break;
                case Gradient gradient: WriteObject(Rows(gradient.Network, gradient), enumerateCollection: true); break;
                case TrainingStep step: WriteObject(step.Trace, enumerateCollection: true); break;
                case EpochResult epoch: WriteObject(Rows(epoch.Network, null), enumerateCollection: true); break;
                default:
                    WriteError(ErrorRecords.From(new BackpropException("UnsupportedInputObject", BackpropErrorKind.InvalidType,
                        $"Expected a network, a forward pass, a gradient, a training step or an epoch row; got {UserValue.Describe(item)}."), value));
                    break;
            }
        }

        // Weights in the seed's order (by input, then neuron: w1_11, w1_12, w1_21, ...), then the layer's biases.
        private static IEnumerable<NetworkParameter> Rows(Network network, Gradient gradient) =>
            ParameterId.All(network).Select(p => new NetworkParameter(p.Name, p.Layer, p.Kind, p.From, p.To,
                p.ValueIn(network), gradient == null ? (double?)null : p.GradientIn(gradient)));
    }
}
