namespace BackpropPS.Core.Training
{
    /// <summary>The optimizer and its hyper-parameters; <see cref="Create"/> gives a fresh optimizer with empty state.</summary>
    public sealed class OptimizerSettings
    {
        /// <summary>The update rule.</summary>
        public OptimizerKind Kind { get; set; } = OptimizerKind.Sgd;

        /// <summary>The step size.</summary>
        public double LearningRate { get; set; } = DefaultLearningRate;

        /// <summary>Momentum's mu.</summary>
        public double Momentum { get; set; } = DefaultMomentum;

        /// <summary>Use Nesterov's look-ahead form of momentum.</summary>
        public bool Nesterov { get; set; }

        /// <summary>Adam's decay rate of the first moment.</summary>
        public double Beta1 { get; set; } = DefaultBeta1;

        /// <summary>Adam's decay rate of the second moment.</summary>
        public double Beta2 { get; set; } = DefaultBeta2;

        /// <summary>Adam's term that keeps the division finite.</summary>
        public double Epsilon { get; set; } = DefaultEpsilon;

        /// <summary>L2 weight decay lambda: adds lambda w to each weight's gradient (biases are not decayed).</summary>
        public double WeightDecay { get; set; }

        /// <summary>The default <see cref="LearningRate"/>.</summary>
        public const double DefaultLearningRate = 0.01;

        /// <summary>The default <see cref="Momentum"/>, as in PyTorch's examples.</summary>
        public const double DefaultMomentum = 0.9;

        /// <summary>The default <see cref="Beta1"/> (Kingma and Ba; PyTorch's default).</summary>
        public const double DefaultBeta1 = 0.9;

        /// <summary>The default <see cref="Beta2"/> (Kingma and Ba; PyTorch's default).</summary>
        public const double DefaultBeta2 = 0.999;

        /// <summary>The default <see cref="Epsilon"/> (Kingma and Ba; PyTorch's default).</summary>
        public const double DefaultEpsilon = 1e-8;

        /// <summary>A copy of these settings, for a run that changes its rate as it goes (the learning-rate range test).</summary>
        public OptimizerSettings Copy() => (OptimizerSettings)MemberwiseClone();

        /// <summary>Checks the values and returns a new optimizer with empty state.</summary>
        public Optimizer Create()
        {
            Validation.EnsureLearningRate(LearningRate);
            EnsureRange(Momentum, 0, 1, "Momentum", "a number from 0 up to (not including) 1");
            EnsureRange(Beta1, 0, 1, "Beta1", "a number from 0 up to (not including) 1");
            EnsureRange(Beta2, 0, 1, "Beta2", "a number from 0 up to (not including) 1");
            if (!(Epsilon > 0) || double.IsInfinity(Epsilon))
                throw BackpropException.Argument("InvalidEpsilon", $"Epsilon must be a positive finite number; got {Epsilon}.");
            if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
                throw BackpropException.Argument("InvalidWeightDecay", $"The weight decay must be zero or a positive finite number; got {WeightDecay}.");
            switch (Kind)
            {
                case OptimizerKind.Sgd: return new SgdOptimizer(this);
                case OptimizerKind.Momentum: return new MomentumOptimizer(this);
                case OptimizerKind.Adam: return new AdamOptimizer(this);
                default: throw BackpropException.Argument("UnknownOptimizer", $"Unknown optimizer '{Kind}'.");
            }
        }

        private static void EnsureRange(double value, double low, double high, string name, string expected)
        {
            if (!(value >= low && value < high))
                throw BackpropException.Argument("Invalid" + name, $"{name} must be {expected}; got {value}.");
        }
    }
}
