using System.Collections;
using System.Globalization;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using BackpropPS.Serialization;

namespace BackpropPS.Internal
{
    /// <summary>
    /// What data came into a command, and the rules every command that takes data shares: records (Import-Csv rows,
    /// custom objects, hashtables) or data set objects taken whole (their matrices never become one PSObject per
    /// sample), never both; -InputColumn and -TargetColumn only with records; a network where records belong is
    /// the mistake it is, named. Each mistake is a <see cref="BackpropException"/> as soon as it shows.
    /// </summary>
    internal sealed class DataInput
    {
        private readonly List<PSObject> _records;
        private readonly string[] _columnParameters;
        private readonly bool _oneDataset;
        private bool _sawRecord;

        /// <param name="columnParameters">The column parameters the user gave (e.g. "InputColumn"), which only records can use.</param>
        /// <param name="keepRecords">Keep the records (training reads them all at the end); false when they stream by one at a time.</param>
        /// <param name="oneDataset">At most one data set (one training set); false where each data set is read on its own.</param>
        public DataInput(IEnumerable<string> columnParameters, bool keepRecords, bool oneDataset)
        {
            _columnParameters = columnParameters.ToArray();
            _records = keepRecords ? new List<PSObject>() : null;
            _oneDataset = oneDataset;
        }

        /// <summary>The records that came, in order (kept only when asked to).</summary>
        public IReadOnlyList<PSObject> Records => _records;

        /// <summary>The data set that came last, or null.</summary>
        public Dataset Dataset { get; private set; }

        /// <summary>Takes one item: the data set when it is one, else null (it is a record, kept when asked to).</summary>
        public Dataset Add(PSObject item)
        {
            // A network or data set that came back through remoting is rebuilt here (or refused, naming what is wrong with it).
            object value = Rehydration.LiveBaseObject(item);
            if (value is Network)
            {
                throw BackpropException.Argument("NetworkPipedAsRecord",
                    "Expected records through the pipeline; got a network. Give the network with -Network and pipe the records.");
            }
            if (value is Dataset data)
            {
                if (_sawRecord) throw Mixed();
                if (_oneDataset && Dataset != null)
                    throw BackpropException.Argument("MultipleDatasets", "Expected one data set through the pipeline; got a second one. Give each in its own run.");
                if (_columnParameters.Length > 0)
                {
                    string names = string.Join(" and ", _columnParameters.Select(p => "-" + p));
                    bool one = _columnParameters.Length == 1;
                    throw BackpropException.Argument("ColumnWithDataset",
                        $"{names} {(one ? "names" : "name")} the columns of records; a data set brings its own inputs and targets. Leave {(one ? "it" : "them")} out, or give records.");
                }
                Dataset = data;
                return data;
            }
            if (Dataset != null) throw Mixed();
            _sawRecord = true;
            _records?.Add(item);
            return null;
        }

        /// <summary>
        /// Takes the items of one argument (-Data $records): an array reads as piping it does; a hashtable, like any
        /// single object, is one record.
        /// </summary>
        public void AddAll(object value)
        {
            object unwrapped = NumericArgument.Unwrap(value);
            IEnumerable items = unwrapped is IDictionary ? null : LanguagePrimitives.GetEnumerable(unwrapped);
            foreach (object item in items ?? new[] { value }) Add(PSObject.AsPSObject(item));
        }

        /// <summary>
        /// The training samples and their schema, from whichever way they came: a data set object (given with
        /// <paramref name="given"/> or piped), numeric batches (-Input and -Target), or the records, read through
        /// their columns in <paramref name="culture"/>.
        /// </summary>
        public (Dataset Data, DataSchema Schema) ForTraining(Network network, Dataset given, object input, object target,
            CultureInfo culture, string[] inputColumns, string[] targetColumns)
        {
            Dataset data = given ?? Dataset;
            if (data != null) return (data, DataSchema.For(data, network));
            if (input != null)
            {
                // A batch of typed rows is trained on where it is: copying a large one costs more than an epoch.
                double[][] rows = NumericArrays.CheckedRows(NumericArgument.Unwrap(input), "Input", "sample");
                if (rows != null && rows.Length > 1)
                    return (Dataset.OverRows(rows, NumericArgument.ToTargets(target, "Target", rows.Length, network.OutputSize)), network.Schema);
                var (inputs, targets) = NumericArgument.ToSamples(input, target, network);
                return (new Dataset(inputs, targets), network.Schema);
            }
            return RecordData.Read(new RecordTable(_records, culture), inputColumns, targetColumns, network.InputSize, network.OutputSize, network.Schema);
        }

        private static BackpropException Mixed() =>
            BackpropException.Argument("DatasetMixedWithRecords",
                "Expected either records or a data set through the pipeline; got both. Give one kind of data at a time.");
    }
}
