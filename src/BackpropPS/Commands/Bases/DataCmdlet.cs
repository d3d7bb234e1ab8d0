using System.Globalization;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the commands that run a network over data (training, the learning-rate test, prediction, accuracy):
    /// records or data set objects through the pipeline, or one data set with -Dataset, read by one
    /// <see cref="DataInput"/> with the rules every such command shares, and the precision they compute in.
    /// </summary>
    public abstract class DataCmdlet : BackpropCmdlet
    {
        /// <summary>Records or data set objects through the pipeline.</summary>
        protected const string RecordSet = "Record";

        /// <summary>One data set object: -Dataset.</summary>
        protected const string DatasetSet = "Dataset";

        /// <summary>The network; it is not changed.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        [TravellingObject]
        public Network Network { get; set; }

        /// <summary>A record (an Import-Csv row or any object), or a whole data set object.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The record columns that are the network's inputs, in order, when the network does not know them.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string[] InputColumn { get; set; }

        /// <summary>The culture of numbers in text cells; by default the invariant culture ('.' as the decimal separator).</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNull]
        public CultureInfo Culture { get; set; }

        /// <summary>A data set object, taken whole, such as Get-BackpropDataset gives.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DatasetSet)]
        [ValidateNotNull]
        [TravellingObject]
        public Dataset Dataset { get; set; }

        /// <summary>
        /// What the network computes in: Double (the default), or Single (float32: the weights and the inputs rounded
        /// to floats once, about twice as fast on large layers). Numbers that come out are doubles either way.
        /// </summary>
        [Parameter]
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>What came in: the records and data sets, checked as they come.</summary>
        private protected DataInput Data { get; private set; }

        /// <summary>The column parameters of the command, which only records can use.</summary>
        protected virtual IEnumerable<string> ColumnParameters => new[] { nameof(InputColumn) };

        /// <summary>Whether the command reads all its records at the end (training) rather than one at a time as they stream by.</summary>
        protected abstract bool CollectsRecords { get; }

        /// <inheritdoc />
        protected override void BeginProcessing() =>
            Data = new DataInput(ColumnParameters.Where(IsBound), keepRecords: CollectsRecords, oneDataset: CollectsRecords);

        /// <summary>Takes one piped item through <see cref="DataInput"/>: the data set when it is one, else null (a record).</summary>
        protected Dataset Take(PSObject item) => Run(() => Data.Add(item), item);
    }
}
