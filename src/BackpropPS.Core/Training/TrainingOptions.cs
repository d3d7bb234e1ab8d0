namespace BackpropPS.Core.Training
{
    /// <summary>How a training run goes: epochs, batches, loss, optimizer, shuffling and early stopping.</summary>
    public sealed class TrainingOptions
    {
        /// <summary>Number of passes over the training data.</summary>
        public int Epochs { get; set; } = DefaultEpochs;

        /// <summary>Samples per gradient step; 0 (or more than the data has) means the whole training set.</summary>
        public int BatchSize { get; set; } = DefaultBatchSize;

        /// <summary>The loss function.</summary>
        public LossFunction Loss { get; set; } = LossFunction.HalfSquaredError;

        /// <summary>The optimizer and its hyper-parameters.</summary>
        public OptimizerSettings Optimizer { get; set; } = new OptimizerSettings();

        /// <summary>Shuffle the training samples before every epoch (from <see cref="Seed"/>).</summary>
        public bool Shuffle { get; set; }

        /// <summary>The seed of the shuffles.</summary>
        public long Seed { get; set; }

        /// <summary>
        /// Stop after this many epochs without a new best loss (the validation loss when data is held out,
        /// else the training loss); 0 never stops early.
        /// </summary>
        public int Patience { get; set; }

        /// <summary>
        /// The most threads a large matrix product of the run uses; 0 means one per processor. The results are
        /// the same, bit for bit, whatever the number.
        /// </summary>
        public int Threads { get; set; }

        /// <summary>
        /// Stop with <c>TrainingDiverged</c> when an epoch's training loss is more than this many times the loss of the
        /// first batch before any update; 0 turns the check off. A run whose weights become infinite or NaN stops
        /// with the same error whatever this is.
        /// </summary>
        public double DivergenceFactor { get; set; } = DefaultDivergenceFactor;

        /// <summary>
        /// What the run computes in: Double (the default), or Single: float32 throughout the workspace, the network's
        /// weights and the data set's inputs rounded to floats once, each epoch's network widened back to doubles.
        /// </summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>Record each layer's <see cref="GradientFlowRow"/> in every epoch (<see cref="EpochResult.GradientFlow"/>).</summary>
        public bool GradientFlow { get; set; }

        /// <summary>
        /// With <see cref="GradientFlow"/>: a Sigmoid or Tanh neuron counts as saturated for a sample when its derivative
        /// da/dz is below this (it passes back less than this share of the gradient it receives).
        /// </summary>
        public double SaturationThreshold { get; set; } = DefaultSaturationThreshold;

        /// <summary>The default <see cref="Epochs"/>.</summary>
        public const int DefaultEpochs = 100;

        /// <summary>The default <see cref="BatchSize"/>: small enough for many steps per epoch, large enough for fast matrix products.</summary>
        public const int DefaultBatchSize = 32;

        /// <summary>The default <see cref="SaturationThreshold"/>: a sigmoid output below 0.0102 or above 0.9898, a tanh output beyond +-0.995.</summary>
        public const double DefaultSaturationThreshold = 0.01;

        /// <summary>The default <see cref="DivergenceFactor"/>: far beyond what a run that learns ever reaches.</summary>
        public const double DefaultDivergenceFactor = 1000;

        /// <summary>Throws when a value is out of range.</summary>
        public void Validate()
        {
            if (Epochs < 1) throw BackpropException.Argument("InvalidEpochs", $"Epochs must be at least 1; got {Epochs}.");
            if (BatchSize < 0) throw BackpropException.Argument("InvalidBatchSize", $"The batch size must be 0 (whole data set) or more; got {BatchSize}.");
            if (Threads < 0) throw BackpropException.Argument("InvalidThreadCount", $"The thread count must be 0 (one per processor) or more; got {Threads}.");
            if (!(DivergenceFactor == 0 || DivergenceFactor > 1) || double.IsInfinity(DivergenceFactor))
            {
                throw BackpropException.Argument("InvalidDivergenceFactor",
                    $"The divergence factor must be 0 (off) or a finite number above 1; got {DivergenceFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }
            if (!(SaturationThreshold > 0 && SaturationThreshold <= 1))
            {
                throw BackpropException.Argument("InvalidSaturationThreshold",
                    $"The saturation threshold must be above 0 and at most 1 (the largest derivative of Tanh); got {SaturationThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }
            if (Precision != Precision.Single && Precision != Precision.Double)
                throw BackpropException.Argument("UnknownPrecision", $"The precision must be Single or Double; got {Precision}.");
            if (Patience < 0) throw BackpropException.Argument("InvalidPatience", $"Patience must be 0 (off) or more; got {Patience}.");
        }
    }
}
