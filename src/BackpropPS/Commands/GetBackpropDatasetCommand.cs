using System.IO;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Built-in data: Xor, Iris and the seeded 2-D sets Circle, Spiral, Gauss and Moons as records (or with
    /// -AsDataset as one data set object); the image sets Digits, FashionMnist and Mnist as data set objects
    /// (or with -AsRecord as records).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BackpropDataset")]
    [OutputType(typeof(PSObject), typeof(Dataset))]
    public sealed class GetBackpropDatasetCommand : BackpropCmdlet
    {
        /// <summary>The most points a generated set gives as records (a million records take about 1 GB); -AsDataset takes more.</summary>
        internal const int MaxRecords = 1_000_000;

        private const string IrisTarget = "species";
        private static readonly string[] PointColumns = { "x1", "x2" };
        private static readonly string[] PointTarget = { "label" };

        /// <summary>Which data set.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public DatasetName Name { get; set; }

        /// <summary>Number of points of a generated set.</summary>
        [Parameter]
        [WholeNumber]
        public int Count { get; set; } = 200;

        /// <summary>Standard deviation of the Gaussian noise added to each coordinate of a generated set.</summary>
        [Parameter]
        [DecimalNumber]
        public double Noise { get; set; }

        /// <summary>The seed of a generated set.</summary>
        [Parameter]
        [WholeNumber]
        public int Seed { get; set; }

        /// <summary>Return one data set object (matrices and a schema) instead of one record per sample.</summary>
        [Parameter]
        public SwitchParameter AsDataset { get; set; }

        /// <summary>
        /// How a data set object stores its inputs: Double (the default), or Single (floats: half the memory, what
        /// -Precision Single trains on without a copy). Records are PowerShell numbers either way.
        /// </summary>
        [Parameter]
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>Return an image data set as one record per image (pixel columns and the label) instead of a data set object.</summary>
        [Parameter]
        public SwitchParameter AsRecord { get; set; }

        /// <summary>
        /// The part of an image data set: the published training or test images of FashionMnist and Mnist, or
        /// Digits' seeded 80/20 split. Without it, FashionMnist and Mnist give both parts (Train, then Test)
        /// and Digits all 1,797 images.
        /// </summary>
        [Parameter]
        public DatasetSplit? Split { get; set; }

        /// <summary>
        /// For FashionMnist and Mnist: the folder holding the four IDX files (gzipped or not), or the image file
        /// and the label file of one part. FashionMnist's default is Debian's /usr/share/datasets/fashion-mnist.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            WarnAboutIgnoredParameters();
            if (AsDataset && AsRecord) Refuse("ConflictingOutput", "Expected -AsDataset or -AsRecord, not both.", Name);
            if (ImageSet.Contains(Name))
            {
                foreach (Dataset part in ImageParts())
                {
                    if (AsRecord) ImageRecords.Write(this, part);
                    else WriteObject(Run(() => part.WithPrecision(Precision), Name));
                }
                return;
            }
            if (Name == DatasetName.Iris)
            {
                List<PSObject> iris = IrisRecords();
                if (AsDataset) WriteObject(Run(() => IrisDataset(iris).WithPrecision(Precision), Name));
                else foreach (PSObject record in iris) WriteObject(record);
                return;
            }
            if (!AsDataset && Count > MaxRecords && GeneratedSet.Contains(Name))
            {
                Refuse("CountTooLarge", $"Expected at most {Wording.Number(MaxRecords)} points as records, the cap of records (each is a PowerShell object " +
                    $"of about 1 KB); got {Wording.Number(Count)}. With -AsDataset a generated set is one object of up to {Wording.Number(DatasetGenerator.MaxCount)} points.",
                    Count, BackpropErrorKind.LimitsExceeded);
            }
            Dataset data = Run(() => DatasetGenerator.Generate(Name, Count, Noise, Seed), Name);
            if (AsDataset)
            {
                // What the records give a one-output network: two numeric inputs and the numeric 0/1 label.
                WriteObject(Run(() => new Dataset(data.Inputs, data.Targets, new DataSchema(PointColumns, PointTarget), Name.ToString()).WithPrecision(Precision), Name));
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

        private static readonly DatasetName[] ImageSet = { DatasetName.Digits, DatasetName.FashionMnist, DatasetName.Mnist };
        private static readonly DatasetName[] GeneratedSet = { DatasetName.Circle, DatasetName.Spiral, DatasetName.Gauss, DatasetName.Moons };

        // One sentence per group of parameters given that do not apply here, saying where they do.
        private void WarnAboutIgnoredParameters()
        {
            var sentences = new List<string>();
            void Check(bool applies, string where, params string[] names)
            {
                string[] given = names.Where(IsBound).Select(p => "-" + p).ToArray();
                if (!applies && given.Length > 0) sentences.Add($"{string.Join(", ", given)} apply to {where}.");
            }
            bool generated = GeneratedSet.Contains(Name);
            Check(generated, "the generated sets Circle, Spiral, Gauss and Moons", nameof(Count), nameof(Noise));
            Check(generated || Name == DatasetName.Digits, "the generated sets and Digits' -Split", nameof(Seed));
            Check(ImageSet.Contains(Name), "the image sets Digits, FashionMnist and Mnist", nameof(Split));
            Check(Name == DatasetName.FashionMnist || Name == DatasetName.Mnist, "FashionMnist and Mnist", nameof(Path));
            Check(!AsRecord && (ImageSet.Contains(Name) || AsDataset), "data set objects (the image sets, or -AsDataset)", nameof(Precision));
            if (sentences.Count == 0) return;
            string kind = generated ? "a generated data set" : ImageSet.Contains(Name) ? "an image data set" : "a fixed data set";
            WriteWarning($"{Name} is {kind}; {string.Join(" ", sentences)}");
        }

        // The parts of an image set asked for, each read and checked whole before it is written.
        private IEnumerable<Dataset> ImageParts()
        {
            if (Name == DatasetName.Digits)
            {
                Dataset digits = Run(() => ImageDatasets.ReadDigits(ShippedFile("digits.csv")), Name);
                yield return Split.HasValue ? Run(() => ImageDatasets.SplitPart(digits, Split.Value, Seed), Name) : digits;
                yield break;
            }
            var labels = ImageDatasets.LabelsOf(Name);
            string[] paths = (Path ?? new string[0]).Select(p => FileSystemPaths.Literal(this, p)).ToArray();
            if (paths.Length == 2 && paths.All(File.Exists))
            {
                if (Split.HasValue) WriteWarning("-Split does not apply to two explicit files; they are read as given.");
                yield return Run(() => ImageDatasets.ReadIdx(paths[0], paths[1], labels, $"{Name} ({System.IO.Path.GetFileName(paths[0])})", Precision, StopToken), paths);
                yield break;
            }
            string folder = paths.Length == 1 ? paths[0] : paths.Length == 0 && Name == DatasetName.FashionMnist ? ImageDatasets.FashionMnistFolder : null;
            if (folder == null || !Directory.Exists(folder)) ThrowPathError(paths);
            foreach (DatasetSplit split in Split.HasValue ? new[] { Split.Value } : new[] { DatasetSplit.Train, DatasetSplit.Test })
            {
                var (images, labelFile) = Run(() => ImageDatasets.Find(Name, folder, split), folder);
                yield return Run(() => ImageDatasets.ReadIdx(images, labelFile, labels, $"{Name} ({split})", Precision, StopToken), images);
            }
        }

        // Says what is missing and where to get it: the data are not shipped (FashionMnist is a Debian package).
        private void ThrowPathError(string[] paths)
        {
            string message;
            if (paths.Length == 0 && Name == DatasetName.Mnist)
                message = "Mnist has no default folder. " + ImageDatasets.InstallAdvice(Name);
            else if (paths.Length == 0)
                message = $"Fashion-MNIST is not installed in '{ImageDatasets.FashionMnistFolder}'. " + ImageDatasets.InstallAdvice(Name);
            else if (paths.Any(p => !File.Exists(p) && !Directory.Exists(p)))
            {
                message = $"'{paths.First(p => !File.Exists(p) && !Directory.Exists(p))}' does not exist. Expected the folder with the IDX files of {Name}, or its image file and its label file.";
            }
            else
            {
                message = $"Expected one folder with the IDX files of {Name}, or two files (the images and the labels of one part); got {string.Join(", ", paths.Select(p => "'" + p + "'"))}.";
            }
            Refuse(paths.Length == 0 ? "DatasetFileNotFound" : "DatasetPathNotFound", message, Path, BackpropErrorKind.NotFound);
        }

        private string ShippedFile(string name)
        {
            string path = System.IO.Path.Combine(MyInvocation.MyCommand.Module?.ModuleBase ?? "", "data", name);
            if (!File.Exists(path)) Refuse("DatasetFileNotFound", $"Expected the {Name} data at '{path}'; the module is incomplete.", path, BackpropErrorKind.NotFound);
            return path;
        }

        // Iris as a data set is read from its records by the record path itself, for a network with one output
        // per species, so that it is exactly what training on the records builds.
        private static Dataset IrisDataset(List<PSObject> records)
        {
            string[] inputs = RecordReader.ColumnNames(records[0]).Where(c => c != IrisTarget).ToArray();
            var (data, schema) = RecordData.Read(new RecordTable(records, null), inputs, new[] { IrisTarget }, inputs.Length, 3, null);
            return new Dataset(data.Inputs, data.Targets, schema, "Iris");
        }

        // Iris ships as data/iris.csv (with its licence beside it); its records look as Import-Csv gives them.
        private List<PSObject> IrisRecords()
        {
            string path = ShippedFile("iris.csv");
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
