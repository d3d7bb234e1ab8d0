namespace BackpropPS.Core.Training
{
    /// <summary>
    /// How the gradient flowed through one layer during one epoch: a flat row for Export-Csv. In a network whose
    /// gradients vanish, GradientNorm and MeanAbsDelta fall by orders of magnitude from the last layer to the first.
    /// </summary>
    public sealed class GradientFlowRow
    {
        /// <summary>A row; public so that a row read back can be rebuilt.</summary>
        public GradientFlowRow(string run, int epoch, int layer, Activation activation, int neurons, double gradientNorm,
            double meanAbsDelta, double? saturatedShare, double? deadShare, double weightNorm, double updateNorm)
        {
            Run = run;
            Epoch = epoch;
            Layer = layer;
            Activation = activation;
            Neurons = neurons;
            GradientNorm = gradientNorm;
            MeanAbsDelta = meanAbsDelta;
            SaturatedShare = saturatedShare;
            DeadShare = deadShare;
            WeightNorm = weightNorm;
            UpdateNorm = updateNorm;
        }

        /// <summary>The run: the network's shape and activations, e.g. "2-8-8-1 Sigmoid" or "2-8-8-1 ReLU/Sigmoid".</summary>
        public string Run { get; }

        /// <summary>The epoch, from 1.</summary>
        public int Epoch { get; }

        /// <summary>The layer, from 1 (the first hidden layer) to the output layer.</summary>
        public int Layer { get; }

        /// <summary>The layer's activation.</summary>
        public Activation Activation { get; }

        /// <summary>The layer's neurons.</summary>
        public int Neurons { get; }

        /// <summary>The mean over the epoch's batches of the L2 norm of dE/dW of the layer's weights (biases left out).</summary>
        public double GradientNorm { get; }

        /// <summary>The mean over the epoch's samples and the layer's neurons of |delta| = |dE/dz|.</summary>
        public double MeanAbsDelta { get; }

        /// <summary>
        /// Sigmoid and Tanh layers: the share of (sample, neuron) pairs of the epoch whose activation derivative
        /// da/dz was below the saturation threshold; empty for other activations.
        /// </summary>
        public double? SaturatedShare { get; }

        /// <summary>ReLU layers: the share of neurons whose z was at most 0 (output and derivative 0) for every sample of the epoch; empty otherwise.</summary>
        public double? DeadShare { get; }

        /// <summary>The L2 norm of the layer's weights before the epoch.</summary>
        public double WeightNorm { get; }

        /// <summary>The L2 norm of what the epoch changed the layer's weights by (weights after minus weights before).</summary>
        public double UpdateNorm { get; }

        /// <summary>UpdateNorm / WeightNorm: how much of itself the layer changed in the epoch (around 1e-3 per step is the usual rule of thumb).</summary>
        public double UpdateRatio => WeightNorm > 0 ? UpdateNorm / WeightNorm : double.NaN;

        /// <inheritdoc />
        public override string ToString() =>
            System.FormattableString.Invariant($"Epoch {Epoch}, layer {Layer}: gradient norm {GradientNorm:G4}");
    }
}
