using BackpropPS.Core.Data;

namespace BackpropPS.Core.Training
{
    /// <summary>Inputs and targets, one row per sample. Immutable.</summary>
    public sealed class Dataset
    {
        /// <summary>Creates a data set; inputs and targets must have the same number of rows.</summary>
        public Dataset(Matrix inputs, Matrix targets)
        {
            Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
            Targets = targets ?? throw new ArgumentNullException(nameof(targets));
            if (inputs.Rows == 0) throw BackpropException.Argument("EmptyData", "Expected at least one sample; the data set is empty.");
            if (targets.Rows != inputs.Rows)
            {
                throw BackpropException.Argument("BatchSizeMismatch",
                    $"Expected one target per input sample ({inputs.Rows}); got {targets.Rows}.");
            }
        }

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
        public Matrix Inputs { get; }

        /// <summary>The targets, one row per sample.</summary>
        public Matrix Targets { get; }

        /// <summary>Number of samples.</summary>
        public int Count => Inputs.Rows;

        /// <summary>What the columns are (input and target columns, class labels), or null when unknown.</summary>
        public DataSchema Schema { get; }

        /// <summary>How the inputs are stored: Double, or Single (floats, half the memory). Targets are always doubles.</summary>
        public Precision Precision => Inputs.Precision;

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
