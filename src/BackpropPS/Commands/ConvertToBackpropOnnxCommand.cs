using BackpropPS.Core.Onnx;

namespace BackpropPS.Commands
{
    /// <summary>
    /// ConvertTo-BackpropOnnx: a network as the bytes of its ONNX model (one byte[] per network), for a variable, a
    /// database column, a REST body or ONNX Runtime in the same session; Export-BackpropOnnx writes the same bytes.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "BackpropOnnx")]
    [OutputType(typeof(byte[]))]
    public sealed class ConvertToBackpropOnnxCommand : BackpropCmdlet
    {
        /// <summary>The network; an epoch row binds by its Network property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [ValidateNotNull]
        [TravellingObject]
        public Network InputObject { get; set; }

        /// <summary>The model's numbers: Double (float64, every digit of the network) or Single (float32).</summary>
        [Parameter]
        public Precision Precision { get; set; } = Precision.Double;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // One array per network, not a stream of bytes: a network that cannot be exported is reported and the others go on.
            if (TryRun(() => OnnxExport.ToBytes(InputObject, Precision), InputObject, out byte[] model)) WriteObject(model, enumerateCollection: false);
        }
    }
}
