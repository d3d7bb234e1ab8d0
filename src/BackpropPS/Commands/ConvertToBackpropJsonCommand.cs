namespace BackpropPS.Commands
{
    /// <summary>
    /// ConvertTo-BackpropJson: a network as the text of its network file, for a variable, a database column, a
    /// REST body or a remote session. ConvertFrom-BackpropJson reads it back, every double exact.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "BackpropJson")]
    [OutputType(typeof(string))]
    public sealed class ConvertToBackpropJsonCommand : BackpropCmdlet
    {
        /// <summary>The network; an epoch row binds by its Network property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Network")]
        [TravellingObject]
        public Network InputObject { get; set; }

        /// <summary>One line, without indentation, as ConvertTo-Json -Compress.</summary>
        [Parameter]
        public SwitchParameter Compress { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(NetworkJson.Serialize(InputObject, indented: !Compress));
            }
            catch (BackpropException e)
            {
                // A network with NaN or infinite weights has no text form; the other networks are still converted.
                WriteError(ErrorRecords.From(e, InputObject));
            }
        }
    }
}
