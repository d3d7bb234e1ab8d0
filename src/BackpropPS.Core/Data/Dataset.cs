using BackpropPS.Core.Data;

namespace BackpropPS.Core.Training
{
    /// <summary>Inputs and targets, one row per sample. Immutable (one made by OverRows as long as its caller keeps its rows unchanged).</summary>
    public sealed class Dataset
    {
        /// <summary>Creates a data set; inputs and targets must have the same number of rows.</summary>
        public Dataset(Matrix inputs, Matrix targets)
        {
            _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
            Targets = targets ?? throw new ArgumentNullException(nameof(targets));
            EnsureRows(inputs.Rows, targets.Rows);
        }

        // The caller's rows, read where they are (OverRows); the Matrix of inputs is made only if something asks for it.
        private Dataset(double[][] rows, Matrix targets)
        {
            _rows = rows;
            Targets = targets;
            EnsureRows(rows.Length, targets.Rows);
        }

        /// <summary>
        /// A data set that reads <paramref name="rows"/> (equally long, none null) where they are instead of copying
        /// them: a command's own run on a user's double[][] then skips a copy of every input, which on a large batch
        /// costs more than an epoch (fresh memory is slow to fault in). The caller keeps the rows unchanged while it
        /// uses the data set, and does not hand the data set on. Training reads each batch's rows into its workspace;
        /// anything else that asks for <see cref="Inputs"/> gets a copy made then.
        /// </summary>
        internal static Dataset OverRows(double[][] rows, Matrix targets) =>
            new Dataset(rows ?? throw new ArgumentNullException(nameof(rows)), targets ?? throw new ArgumentNullException(nameof(targets)));

        private static void EnsureRows(int inputs, int targets)
        {
            if (inputs == 0) throw BackpropException.Argument("EmptyData", "Expected at least one sample; the data set is empty.");
            if (targets != inputs)
                throw BackpropException.Argument("BatchSizeMismatch", $"Expected one target per input sample ({inputs}); got {targets}.");
        }

        private readonly double[][] _rows;
        private Matrix _inputs;

        /// <summary>
        /// Creates a data set that says what its columns are: the input columns, the target columns and, for
        /// one-hot targets, the class label of each target column. The schema must fit the matrices; null is
        /// a data set without one, as the other constructor makes.
        /// </summary>
        public Dataset(Matrix inputs, Matrix targets, DataSchema schema)
            : this(inputs, targets)
        {
            schema?.EnsureFits("The data set", inputs.Columns, "input column", targets.Columns, "target column");
            Schema = schema;
        }

        /// <summary>A data set with a schema and a name that says what it is (e.g. "FashionMnist (Test)").</summary>
        public Dataset(Matrix inputs, Matrix targets, DataSchema schema, string name)
            : this(inputs, targets, schema)
        {
            Name = name;
        }

        /// <summary>What the data set is, for a built-in or file data set ("Digits", "FashionMnist (Train)"); null otherwise.</summary>
        public string Name { get; }

        /// <summary>The inputs, one row per sample.</summary>
        public Matrix Inputs => _inputs ?? (_inputs = Matrix.FromRows(_rows));

        /// <summary>The caller's rows of a data set made by <see cref="OverRows"/>, or null.</summary>
        internal double[][] InputRows => _rows;

        /// <summary>Values per input sample.</summary>
        internal int InputColumns => _rows != null ? _rows[0].Length : _inputs.Columns;

        /// <summary>The targets, one row per sample.</summary>
        public Matrix Targets { get; }

        /// <summary>Number of samples.</summary>
        public int Count => _rows != null ? _rows.Length : _inputs.Rows;

        /// <summary>What the columns are (input and target columns, class labels), or null when unknown.</summary>
        public DataSchema Schema { get; }

        /// <summary>How the inputs are stored: Double, or Single (floats, half the memory). Targets are always doubles.</summary>
        public Precision Precision => _rows != null ? Precision.Double : _inputs.Precision;

        /// <summary>This data set with its inputs stored as <paramref name="precision"/>: itself when they are, else a copy.</summary>
        public Dataset WithPrecision(Precision precision) =>
            precision == Precision ? this : new Dataset(Inputs.ToPrecision(precision), Targets, Schema, Name);

        /// <summary>The samples at <paramref name="indices"/>[start .. start + count), in that order, with the same schema.</summary>
        public Dataset Rows(int[] indices, int start, int count) =>
            new Dataset(Pick(Inputs, indices, start, count), Pick(Targets, indices, start, count), Schema);

        /// <summary>
        /// A random split from <paramref name="seed"/>: the last <paramref name="validationFraction"/> of a
        /// shuffled order is held out (at least one sample on each side when the fraction is above 0).
        /// </summary>
        public (Dataset Training, Dataset Validation) Split(double validationFraction, long seed)
        {
            if (!(validationFraction >= 0 && validationFraction < 1))
            {
                throw BackpropException.Argument("InvalidValidationFraction",
                    $"The validation fraction must be from 0 up to (not including) 1; got {validationFraction}.");
            }
            if (validationFraction == 0) return (this, null);
            int held = (int)Math.Round(Count * validationFraction);
            if (held < 1 || held >= Count)
            {
                throw BackpropException.Argument("InvalidValidationFraction",
                    $"A validation fraction of {validationFraction} of {Count} samples leaves no samples on one side.");
            }
            int[] order = Enumerable.Range(0, Count).ToArray();
            new SeededRandom(seed).Shuffle(order);
            return (Rows(order, 0, Count - held), Rows(order, Count - held, held));
        }

        /// <summary>The same targets with scaled inputs, stored as the inputs were.</summary>
        public Dataset Scaled(InputScaling scaling) => new Dataset(scaling.Apply(Inputs), Targets);

        // The rows, stored as the source is.
        private static Matrix Pick(Matrix source, int[] indices, int start, int count)
        {
            int width = source.Columns;
            if (source.Precision == Precision.Single)
            {
                var singles = new float[(long)count * width];
                for (int r = 0; r < count; r++) Array.Copy(source.Singles, (long)indices[start + r] * width, singles, (long)r * width, width);
                return Matrix.Wrap(count, width, singles);
            }
            var data = new double[count * width];
            for (int r = 0; r < count; r++) Array.Copy(source.Data, indices[start + r] * width, data, r * width, width);
            return Matrix.Wrap(count, width, data);
        }
    }
}
