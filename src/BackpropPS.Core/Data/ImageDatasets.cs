using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// The image data sets: Fashion-MNIST and MNIST from their IDX files, and the shipped 8x8 Digits. Each is
    /// a data set object (pixels scaled to [0, 1], one-hot targets, a schema naming the pixel columns
    /// p0..pN, the label column and the class labels), never one object per image.
    /// </summary>
    public static class ImageDatasets
    {
        /// <summary>Where Debian's dataset-fashion-mnist package puts the four files.</summary>
        public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

        /// <summary>The label column of the IDX data sets' records.</summary>
        public const string IdxLabelColumn = "label";

        /// <summary>The label column of Digits (as in its CSV).</summary>
        public const string DigitsLabelColumn = "digit";

        /// <summary>The share of Digits held out as its test part.</summary>
        public const double DigitsTestFraction = 0.2;

        /// <summary>Fashion-MNIST's ten classes, in label order (0 = T-shirt/top).</summary>
        public static readonly IReadOnlyList<string> FashionMnistLabels = new[]
        {
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
        };

        /// <summary>The digits 0-9 as labels, for MNIST and Digits.</summary>
        public static readonly IReadOnlyList<string> DigitLabels = Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();

        /// <summary>The class labels of an IDX data set.</summary>
        public static IReadOnlyList<string> LabelsOf(DatasetName name) =>
            name == DatasetName.FashionMnist ? FashionMnistLabels : DigitLabels;

        /// <summary>
        /// The image and label files of one part in <paramref name="folder"/>, by their published names
        /// (train-images-idx3-ubyte and t10k-..., each with or without .gz); a DatasetFileNotFound error
        /// saying where to get them when they are not there.
        /// </summary>
        public static (string Images, string Labels) Find(DatasetName name, string folder, DatasetSplit split)
        {
            string prefix = split == DatasetSplit.Train ? "train" : "t10k";
            return (FindOne(name, folder, prefix + "-images-idx3-ubyte"), FindOne(name, folder, prefix + "-labels-idx1-ubyte"));
        }

        /// <summary>
        /// Reads an image file and a label file (in either order: the images have 3 dimensions, the labels 1)
        /// into a data set. Both headers are checked first, against each other (one label per image) and against
        /// the memory the data set will take, so that nothing is read when the values cannot be used.
        /// </summary>
        public static Dataset ReadIdx(string first, string second, IReadOnlyList<string> classLabels, string name, CancellationToken cancel = default) =>
            ReadIdx(first, second, classLabels, name, Validation.MemoryLimit, cancel);

        /// <summary>As the other form, with the pixels stored as <paramref name="precision"/> (Single: floats, half the memory).</summary>
        public static Dataset ReadIdx(string first, string second, IReadOnlyList<string> classLabels, string name, Precision precision,
            CancellationToken cancel = default) =>
            ReadIdx(first, second, classLabels, name, Validation.MemoryLimit, cancel, precision);

        internal static Dataset ReadIdx(string first, string second, IReadOnlyList<string> classLabels, string name, long memoryLimit,
            CancellationToken cancel, Precision precision = Precision.Double)
        {
            IdxFile firstHeader = IdxFile.ReadHeader(first), secondHeader = IdxFile.ReadHeader(second);
            int firstRank = firstHeader.Dimensions.Length, secondRank = secondHeader.Dimensions.Length;
            if (!(firstRank == 3 && secondRank == 1) && !(firstRank == 1 && secondRank == 3))
            {
                throw new BackpropException("IdxFileMismatch", BackpropErrorKind.InvalidData,
                    $"Expected an image file (3 dimensions: count x rows x columns) and a label file (1 dimension); got '{first}' with " +
                    $"{Wording.Count(firstRank, "dimension")} and '{second}' with {Wording.Count(secondRank, "dimension")}.");
            }
            IdxFile imageHeader = firstRank == 3 ? firstHeader : secondHeader, labelHeader = firstRank == 3 ? secondHeader : firstHeader;
            EnsureOneLabelPerImage(imageHeader, labelHeader);
            // What the data set takes while it is read: the pixels as read and as doubles (or floats), the labels as
            // read and as one array, the one-hot targets. Validation.ArrayLength refuses targets longer than one array.
            long targets = Validation.ArrayLength(labelHeader.Count, classLabels.Count, $"The one-hot targets of '{labelHeader.Path}'", "DatasetTooLarge");
            double bytes = imageHeader.BytesToReadMatrixAs(precision) + (double)labelHeader.BytesToRead + 8.0 * targets;
            Validation.EnsureMemoryBytes(bytes, $"'{imageHeader.Path}' and its labels ({Wording.Number(imageHeader.Count)} images of " +
                $"{Wording.Number(imageHeader.Dimensions[1])} x {Wording.Number(imageHeader.Dimensions[2])} pixels)", " as a data set", "DatasetTooLarge", memoryLimit);
            // The two files are independent; reading the labels on another thread hides them behind the images.
            var labels = Task.Run(() => IdxFile.Read(labelHeader.Path, memoryLimit, cancel));
            IdxFile images = IdxFile.ReadMatrix(imageHeader.Path, 255, memoryLimit, cancel, precision);
            return FromIdx(images, Await(labels), classLabels, name);
        }

        private static void EnsureOneLabelPerImage(IdxFile images, IdxFile labels)
        {
            if (images.Count != labels.Count)
            {
                throw new BackpropException("IdxFileMismatch", BackpropErrorKind.InvalidData,
                    $"'{images.Path}' holds {Wording.Count(images.Count, "image")} but '{labels.Path}' holds {Wording.Count(labels.Count, "label")}; expected one label per image.");
            }
        }

        /// <summary>A data set from IDX images (read with <c>IdxFile.ReadMatrix</c>, pixels 0-255 scaled to [0, 1]) and their labels.</summary>
        public static Dataset FromIdx(IdxFile images, IdxFile labels, IReadOnlyList<string> classLabels, string name)
        {
            EnsureOneLabelPerImage(images, labels);
            var targets = new double[(long)labels.Count * classLabels.Count];
            for (int i = 0; i < labels.Count; i++)
            {
                int label = labels.Values[i];
                if (label >= classLabels.Count)
                {
                    throw new BackpropException("InvalidIdxFile", BackpropErrorKind.InvalidData,
                        $"'{labels.Path}' is not a valid label file: label {i + 1} is {label}; expected 0 to {classLabels.Count - 1} ({name}).");
                }
                targets[(long)i * classLabels.Count + label] = 1;
            }
            Matrix inputs = images.Matrix;
            return new Dataset(inputs, Matrix.Wrap(labels.Count, classLabels.Count, targets),
                Schema(inputs.Columns, IdxLabelColumn, classLabels), name);
        }

        /// <summary>
        /// Reads the shipped Digits CSV (header p0..p63,digit; pixels 0-16, divided by 16 here) as one data set.
        /// </summary>
        public static Dataset ReadDigits(string path)
        {
            string[] lines = File.ReadAllLines(path);
            string[] header = lines.Length > 0 ? lines[0].Split(',') : new string[0];
            int pixels = header.Length - 1;
            if (pixels < 1 || header[pixels] != DigitsLabelColumn) throw InvalidDigits(path, "its header does not end with the digit column");
            int rows = lines.Skip(1).Count(l => l.Length > 0);
            var inputs = new double[(long)rows * pixels];
            var targets = new double[rows * 10];
            int r = 0;
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                string[] cells = lines[i].Split(',');
                if (cells.Length != header.Length) throw InvalidDigits(path, $"line {i + 1} has {cells.Length} cells; expected {header.Length}");
                for (int c = 0; c <= pixels; c++)
                {
                    int limit = c < pixels ? 16 : 9;
                    if (!int.TryParse(cells[c], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > limit)
                        throw InvalidDigits(path, $"line {i + 1}, column {header[c]} is '{cells[c]}'; expected a whole number from 0 to {limit}");
                    if (c < pixels) inputs[(long)r * pixels + c] = value / 16.0;
                    else targets[r * 10 + value] = 1;
                }
                r++;
            }
            return new Dataset(Matrix.Wrap(rows, pixels, inputs), Matrix.Wrap(rows, 10, targets),
                Schema(pixels, DigitsLabelColumn, DigitLabels), "Digits");
        }

        /// <summary>
        /// One part of a data set without a published split: a seeded shuffle, the last 20 % as the test part
        /// (the split Invoke-BackpropTraining -ValidationFraction 0.2 -Seed makes from the same seed).
        /// </summary>
        public static Dataset SplitPart(Dataset all, DatasetSplit split, long seed)
        {
            var (train, test) = all.Split(DigitsTestFraction, seed);
            Dataset part = split == DatasetSplit.Train ? train : test;
            return new Dataset(part.Inputs, part.Targets, all.Schema, $"{all.Name} ({split})");
        }

        private static DataSchema Schema(int pixels, string labelColumn, IReadOnlyList<string> classLabels) =>
            new DataSchema(Enumerable.Range(0, pixels).Select(p => "p" + p.ToString(CultureInfo.InvariantCulture)),
                new[] { labelColumn }, classLabels);

        private static string FindOne(DatasetName name, string folder, string file)
        {
            foreach (string candidate in new[] { file + ".gz", file })
            {
                string path = Path.Combine(folder, candidate);
                // A folder (or a pipe) of that name is taken too, for the reader to refuse by name.
                if (File.Exists(path) || Directory.Exists(path)) return path;
            }
            throw new BackpropException("DatasetFileNotFound", BackpropErrorKind.NotFound,
                $"{name} needs '{file}.gz' (or '{file}') in '{folder}', and it is not there. {InstallAdvice(name)}");
        }

        /// <summary>Where the files of an IDX data set come from, in one sentence that ends by naming -Path.</summary>
        public static string InstallAdvice(DatasetName name) => name == DatasetName.FashionMnist
            ? "On Debian or Ubuntu: apt-get install -y dataset-fashion-mnist (it installs them in " + FashionMnistFolder + "); " +
              "elsewhere download its four IDX files from https://github.com/zalandoresearch/fashion-mnist and give their folder with -Path."
            : "Download the four IDX files of the MNIST database (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, " +
              "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) from its page or a mirror, and give their folder with -Path.";

        private static IdxFile Await(Task<IdxFile> task)
        {
            try { return task.GetAwaiter().GetResult(); }
            catch (AggregateException e) when (e.InnerException != null) { throw e.InnerException; }
        }

        private static BackpropException InvalidDigits(string path, string why) =>
            new BackpropException("InvalidDatasetFile", BackpropErrorKind.InvalidData, $"'{path}' is not the Digits file the module ships: {why}.");
    }
}
