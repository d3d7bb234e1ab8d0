using System.Collections.Generic;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>One flat row per weight and bias of a network or a gradient, ready for Export-Csv.</summary>
    [Cmdlet(VerbsCommon.Get, "BackpropParameter")]
    [OutputType(typeof(NetworkParameter))]
    public sealed class GetBackpropParameterCommand : BackpropCmdlet
    {
        /// <summary>A network, a forward pass (its network) or a gradient (values and gradients).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            object value = InputObject.BaseObject;
            switch (value)
            {
                case Network network: WriteObject(Rows(network, null), enumerateCollection: true); break;
                case ForwardPass forward: WriteObject(Rows(forward.Network, null), enumerateCollection: true); break;
                case Gradient gradient: WriteObject(Rows(gradient.Network, gradient), enumerateCollection: true); break;
                default:
                    WriteError(ErrorRecords.Create("UnsupportedInputObject", ErrorCategory.InvalidType,
                        $"Expected a network, a forward pass or a gradient; got {value?.GetType().FullName ?? "$null"}.", value));
                    break;
            }
        }

        // Weights in the seed's order (by input, then neuron: w1_11, w1_12, w1_21, ...), then the layer's biases.
        private static IEnumerable<NetworkParameter> Rows(Network network, Gradient gradient)
        {
            for (int l = 0; l < network.Layers.Count; l++)
            {
                Layer layer = network.Layers[l];
                for (int i = 0; i < layer.InputSize; i++)
                    for (int j = 0; j < layer.OutputSize; j++)
                    {
                        int k = j * layer.InputSize + i;
                        yield return new NetworkParameter(NetworkParameter.WeightName(l + 1, i + 1, j + 1), l + 1, ParameterKind.Weight,
                            i + 1, j + 1, layer.Weights[k], gradient?.WeightGradient[l][k]);
                    }
                for (int b = 0; b < layer.Biases.Count; b++)
                {
                    int? to = layer.BiasMode == BiasMode.PerNeuron ? b + 1 : (int?)null;
                    yield return new NetworkParameter(NetworkParameter.BiasName(l + 1, to), l + 1, ParameterKind.Bias,
                        null, to, layer.Biases[b], gradient?.BiasGradient[l][b]);
                }
            }
        }
    }
}
