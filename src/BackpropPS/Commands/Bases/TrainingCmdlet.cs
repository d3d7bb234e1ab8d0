using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the commands that train (Invoke-BackpropTraining, Find-BackpropLearningRate): the data in its three
    /// parameter sets (piped records or a data set object, -Input and -Target, -Dataset), the optimizer and its
    /// options, batches, shuffling, scaling and threads, with their defaults declared once on the core's settings
    /// types. Both commands take the same data the same way and refuse the same mistakes with the same errors.
    /// </summary>
    public abstract class TrainingCmdlet : DataCmdlet
    {
        /// <summary>Numeric batches: -Input and -Target.</summary>
        protected const string BatchSet = "Batch";

        // Each optimizer's own options: a setting of another optimizer is more likely a mistake than a wish.
        private static readonly Dictionary<string, OptimizerKind> OptionOwners = new Dictionary<string, OptimizerKind>
        {
            [nameof(Momentum)] = OptimizerKind.Momentum, [nameof(Nesterov)] = OptimizerKind.Momentum,
            [nameof(Beta1)] = OptimizerKind.Adam, [nameof(Beta2)] = OptimizerKind.Adam, [nameof(Epsilon)] = OptimizerKind.Adam,
        };

        /// <summary>The record column(s) with the wanted outputs: one column of class labels, or one numeric column per output.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateNotNullOrEmpty]
        public string[] TargetColumn { get; set; }

        /// <summary>The inputs as a numeric batch: one array per sample, a double[][] or double[,], or a Matrix.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BatchSet)]
        [ValidateNotNull]
        public object Input { get; set; }

        /// <summary>The targets as a numeric batch: one array per sample, a double[][] or double[,], or a Matrix.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BatchSet)]
        [ValidateNotNull]
        public object Target { get; set; }

        /// <summary>The loss; by default CrossEntropy for a Softmax output layer and HalfSquaredError otherwise.</summary>
        [Parameter]
        public LossFunction? Loss { get; set; }

        /// <summary>The update rule.</summary>
        [Parameter]
        public OptimizerKind Optimizer { get; set; } = OptimizerKind.Sgd;

        /// <summary>Momentum's mu (with -Optimizer Momentum).</summary>
        [Parameter]
        [DecimalNumber]
        public double Momentum { get; set; } = OptimizerSettings.DefaultMomentum;

        /// <summary>Use Nesterov momentum (with -Optimizer Momentum).</summary>
        [Parameter]
        public SwitchParameter Nesterov { get; set; }

        /// <summary>Adam's first-moment decay.</summary>
        [Parameter]
        [DecimalNumber]
        public double Beta1 { get; set; } = OptimizerSettings.DefaultBeta1;

        /// <summary>Adam's second-moment decay.</summary>
        [Parameter]
        [DecimalNumber]
        public double Beta2 { get; set; } = OptimizerSettings.DefaultBeta2;

        /// <summary>Adam's epsilon.</summary>
        [Parameter]
        [DecimalNumber]
        public double Epsilon { get; set; } = OptimizerSettings.DefaultEpsilon;

        /// <summary>L2 weight decay: lambda w is added to each weight's gradient.</summary>
        [Parameter]
        [DecimalNumber]
        public double WeightDecay { get; set; }

        /// <summary>Samples per step; 0 means the whole training set.</summary>
        [Parameter]
        [WholeNumber]
        public int BatchSize { get; set; } = TrainingOptions.DefaultBatchSize;

        /// <summary>Shuffle the training samples before each pass over them.</summary>
        [Parameter]
        public SwitchParameter Shuffle { get; set; }

        /// <summary>The seed of the validation split and the shuffles.</summary>
        [Parameter]
        [WholeNumber]
        public int Seed { get; set; }

        /// <summary>Scale each input column to mean 0 and variance 1, from the training part only.</summary>
        [Parameter]
        public SwitchParameter Standardize { get; set; }

        /// <summary>
        /// The most threads a large matrix product uses; 0 (the default) means one per processor. Results are the
        /// same whatever the number.
        /// </summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int ThreadCount { get; set; }

        /// <inheritdoc />
        protected override IEnumerable<string> ColumnParameters => new[] { nameof(InputColumn), nameof(TargetColumn) };

        /// <inheritdoc />
        protected override bool CollectsRecords => true;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == RecordSet) Take(InputObject);
        }

        /// <summary>Stops the command when an optimizer's option is given for another optimizer (OptionNotForOptimizer).</summary>
        protected void EnsureOptionsFitTheOptimizer()
        {
            foreach (var option in OptionOwners)
            {
                if (IsBound(option.Key) && Optimizer != option.Value)
                    Refuse("OptionNotForOptimizer", $"-{option.Key} belongs to -Optimizer {option.Value}; the optimizer is {Optimizer}.", option.Key);
            }
        }

        /// <summary>
        /// The data, split and scaled as asked, and the settings every run takes from these parameters, the optimizer
        /// starting at <paramref name="learningRate"/>; a derived command adds its own settings.
        /// </summary>
        protected TrainingPreparation Prepare(double validationFraction, double learningRate, out TrainingOptions options)
        {
            var (data, schema) = Data.ForTraining(Network, ParameterSetName == DatasetSet ? Dataset : null,
                ParameterSetName == BatchSet ? Input : null, Target, Culture, InputColumn, TargetColumn);
            TrainingPreparation run = TrainingPreparation.Prepare(Network, data, schema, validationFraction, Seed, Standardize);
            options = new TrainingOptions
            {
                BatchSize = BatchSize,
                Loss = Loss ?? Losses.DefaultFor(run.Network),
                Shuffle = Shuffle,
                Seed = Seed,
                Threads = ThreadCount,
                Precision = Precision,
                Optimizer = new OptimizerSettings
                {
                    Kind = Optimizer, LearningRate = learningRate, Momentum = Momentum, Nesterov = Nesterov,
                    Beta1 = Beta1, Beta2 = Beta2, Epsilon = Epsilon, WeightDecay = WeightDecay,
                },
            };
            return run;
        }
    }
}
