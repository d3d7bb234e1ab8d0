using System.Collections.Generic;
using System.Management.Automation;
using BackpropPS.Core.Training;

namespace BackpropPS.Internal
{
    /// <summary>
    /// What comes down the pipeline into Invoke-BackpropTraining: records, collected one by one, or one data
    /// set object taken whole (its matrices never become one PSObject per sample). Anything in between is a
    /// mistake, named as soon as it shows.
    /// </summary>
    internal sealed class PipedTrainingData
    {
        private readonly List<PSObject> _records = new List<PSObject>();

        /// <summary>The records that came, in order.</summary>
        public IReadOnlyList<PSObject> Records => _records;

        /// <summary>The data set that came, or null.</summary>
        public Dataset Dataset { get; private set; }

        /// <summary>Takes one piped object; returns the error that stops the command, or null.</summary>
        /// <param name="item">The piped object.</param>
        /// <param name="columnsGiven">True when -InputColumn or -TargetColumn was given, which only records can use.</param>
        public ErrorRecord Add(PSObject item, bool columnsGiven)
        {
            ErrorRecord misplaced = RecordReader.NetworkPipedAsRecord(item);
            if (misplaced != null) return misplaced;
            if (item.BaseObject is Dataset data)
            {
                if (Dataset != null)
                    return Error("MultipleDatasets", "Expected one data set through the pipeline; got a second one. Train on each in its own run.", item);
                if (_records.Count > 0) return Mixed(item);
                if (columnsGiven)
                {
                    return Error("ColumnWithDataset",
                        "-InputColumn and -TargetColumn name the columns of records; a data set brings its own inputs and targets. Leave them out, or pipe records.", item);
                }
                Dataset = data;
                return null;
            }
            if (Dataset != null) return Mixed(item);
            _records.Add(item);
            return null;
        }

        private static ErrorRecord Mixed(PSObject item) =>
            Error("DatasetMixedWithRecords",
                "Expected either records or one data set through the pipeline; got both. Pipe one kind of training data at a time.", item);

        private static ErrorRecord Error(string errorId, string message, object target) =>
            ErrorRecords.Create(errorId, ErrorCategory.InvalidArgument, message, target);
    }
}
