namespace BackpropPS.Commands
{
    /// <summary>
    /// ConvertFrom-BackpropJson: networks from the text of network files (ConvertTo-BackpropJson's output, a file
    /// read with Get-Content, a REST body). Like ConvertFrom-Json, lines piped one by one (Get-Content without
    /// -Raw) are joined into one document; whole documents piped one by one are read one by one.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "BackpropJson")]
    [OutputType(typeof(Network))]
    public sealed class ConvertFromBackpropJsonCommand : BackpropCmdlet
    {
        private readonly List<string> _texts = new List<string>();

        /// <summary>The JSON text of a network.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() => _texts.Add(InputObject);

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_texts.Count == 0) return; // nothing piped (@() | ConvertFrom-BackpropJson), nothing to read
            if (_texts.Count == 1 || IsWholeDocument(_texts[0]))
            {
                foreach (string text in _texts) Convert(text);
            }
            else
            {
                Convert(string.Join("\n", _texts));
            }
        }

        // A document is one JSON object: the first piped string is one when it opens and closes it.
        private static bool IsWholeDocument(string text)
        {
            string trimmed = (text ?? string.Empty).Trim();
            return trimmed.Length > 1 && trimmed[0] == '{' && trimmed[trimmed.Length - 1] == '}';
        }

        private void Convert(string text)
        {
            try
            {
                WriteObject(NetworkJson.Deserialize(text ?? string.Empty));
            }
            catch (BackpropException e)
            {
                WriteError(ErrorRecords.From(e, text));
            }
        }
    }
}
