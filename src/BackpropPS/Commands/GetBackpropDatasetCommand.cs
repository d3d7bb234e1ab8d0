using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Core.Training;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Built-in data as records, or with -AsDataset as one data set object: Xor, Iris, and the seeded 2-D
    /// sets Circle, Spiral, Gauss and Moons.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BackpropDataset")]
    [OutputType(typeof(PSObject), typeof(Dataset))]
    public sealed class GetBackpropDatasetCommand : BackpropCmdlet
    {
        private const string IrisTarget = "species";
        private static readonly string[] PointColumns = { "x1", "x2" };
        private static readonly string[] PointTarget = { "label" };

        /// <summary>Which data set.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public DatasetName Name { get; set; }

        /// <summary>Number of points of a generated set.</summary>
        [Parameter]
        [DecimalText]
        public int Count { get; set; } = 200;

        /// <summary>Standard deviation of the Gaussian noise added to each coordinate of a generated set.</summary>
        [Parameter]
        [DecimalText]
        public double Noise { get; set; }

        /// <summary>The seed of a generated set.</summary>
        [Parameter]
        [DecimalText]
        public int Seed { get; set; }

        /// <summary>Return one data set object (matrices and a schema) instead of one record per sample.</summary>
        [Parameter]
        public SwitchParameter AsDataset { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (Name == DatasetName.Iris || Name == DatasetName.Xor)
            {
                string[] ignored = new[] { nameof(Count), nameof(Noise), nameof(Seed) }.Where(MyInvocation.BoundParameters.ContainsKey).ToArray();
                if (ignored.Length > 0)
                    WriteWarning($"{Name} is a fixed data set; {string.Join(", ", ignored.Select(p => "-" + p))} apply to the generated sets Circle, Spiral, Gauss and Moons.");
            }
            if (Name == DatasetName.Iris)
            {
                List<PSObject> iris = IrisRecords();
                if (AsDataset) WriteObject(Run(() => IrisDataset(iris), Name));
                else foreach (PSObject record in iris) WriteObject(record);
                return;
            }
            Dataset data = Run(() => DatasetGenerator.Generate(Name, Count, Noise, Seed), Name);
            if (AsDataset)
            {
                // What the records give a one-output network: two numeric inputs and the numeric 0/1 label.
                WriteObject(new Dataset(data.Inputs, data.Targets, new DataSchema(PointColumns, PointTarget)));
                return;
            }
            for (int r = 0; r < data.Count; r++)
            {
                var record = new PSObject();
                record.Properties.Add(new PSNoteProperty("x1", data.Inputs[r, 0]));
                record.Properties.Add(new PSNoteProperty("x2", data.Inputs[r, 1]));
                record.Properties.Add(new PSNoteProperty("label", (int)data.Targets[r, 0]));
                WriteObject(record);
            }
        }

        // Iris as a data set is read from its records by the record path itself, for a network with one output
        // per species, so that it is exactly what training on the records builds.
        private static Dataset IrisDataset(List<PSObject> records)
        {
            string[] inputs = RecordReader.ColumnNames(records[0]).Where(c => c != IrisTarget).ToArray();
            var (data, schema) = RecordData.Read(new RecordTable(records, null), inputs, new[] { IrisTarget }, inputs.Length, 3, null);
            return new Dataset(data.Inputs, data.Targets, schema);
        }

        // Iris ships as data/iris.csv (with its licence beside it); its records look as Import-Csv gives them.
        private List<PSObject> IrisRecords()
        {
            string path = Path.Combine(MyInvocation.MyCommand.Module?.ModuleBase ?? "", "data", "iris.csv");
            if (!File.Exists(path))
            {
                ThrowTerminatingError(ErrorRecords.Create("DatasetFileNotFound", ErrorCategory.ObjectNotFound,
                    $"Expected the Iris data at '{path}'; the module is incomplete.", path));
            }
            string[] lines = File.ReadAllLines(path);
            string[] header = lines[0].Split(',');
            var records = new List<PSObject>();
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                string[] cells = lines[i].Split(',');
                var record = new PSObject();
                for (int c = 0; c < header.Length; c++) record.Properties.Add(new PSNoteProperty(header[c], cells[c]));
                records.Add(record);
            }
            return records;
        }
    }
}
