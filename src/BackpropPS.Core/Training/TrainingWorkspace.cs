using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// Everything a training run computes in, allocated once: the parameters being trained (updated in place by
    /// the optimizer), their gradients, and each layer's z, a and delta for a batch. A batch's inputs are read as
    /// a view of the data set's rows, through the shuffled order when there is one; only its targets (one row
    /// of outputs per sample) are gathered. An immutable <see cref="Network"/> is made only by
    /// <see cref="Snapshot"/>, where a user gets to see one.
    /// </summary>
    internal sealed class TrainingWorkspace
    {
        private readonly Network _template;
        private readonly LayerParameters[] _layers;
        private readonly double[][] _z, _a, _delta;
        private readonly double[] _dA, _targets, _lossScratch;
        private readonly KernelPath _path;
        private readonly int _threads;
        private int _rows;

        public TrainingWorkspace(Network network, int capacity, KernelPath path, int threads)
        {
            _template = network;
            _path = path;
            _threads = threads;
            Capacity = capacity;
            int count = network.Layers.Count, widest = 0;
            _layers = new LayerParameters[count];
            Weights = new double[count][];
            Biases = new double[count][];
            WeightGradient = new double[count][];
            BiasGradient = new double[count][];
            _z = new double[count][];
            _a = new double[count][];
            _delta = new double[count][];
            for (int l = 0; l < count; l++)
            {
                Layer layer = network.Layers[l];
                Weights[l] = layer.Weights.ToArray();
                Biases[l] = layer.Biases.ToArray();
                WeightGradient[l] = new double[Weights[l].Length];
                BiasGradient[l] = new double[Biases[l].Length];
                _layers[l] = new LayerParameters(layer.InputSize, layer.OutputSize, layer.Activation, layer.BiasMode, Weights[l], Biases[l]);
                int batchValues = Validation.ArrayLength(capacity, layer.OutputSize, $"A batch of {capacity} samples through layer {l + 1}", "BatchTooLarge");
                _z[l] = new double[batchValues];
                _a[l] = new double[batchValues];
                _delta[l] = new double[batchValues];
                widest = Math.Max(widest, layer.InputSize);
            }
            _dA = new double[Validation.ArrayLength(capacity, widest, $"A batch of {capacity} samples", "BatchTooLarge")];
            _targets = new double[capacity * network.OutputSize];
            _lossScratch = new double[capacity * network.OutputSize];
        }

        /// <summary>The most samples one batch may have.</summary>
        public int Capacity { get; }

        /// <summary>Each layer's weights as they are being trained.</summary>
        public double[][] Weights { get; }

        /// <summary>Each layer's biases as they are being trained.</summary>
        public double[][] Biases { get; }

        /// <summary>Each layer's weight gradient from the last <see cref="ComputeGradient"/>.</summary>
        public double[][] WeightGradient { get; }

        /// <summary>Each layer's bias gradient from the last <see cref="ComputeGradient"/>.</summary>
        public double[][] BiasGradient { get; }

        /// <summary>Each layer's z, a and delta of the last batch, row-major (sample x neuron), for the gradient-flow recorder.</summary>
        public double[][] BatchZ => _z;

        /// <inheritdoc cref="BatchZ"/>
        public double[][] BatchA => _a;

        /// <inheritdoc cref="BatchZ"/>
        public double[][] BatchDelta => _delta;

        /// <summary>
        /// Forward pass, loss and backward pass of rows <c>order[start]</c> .. (or rows start .. when
        /// <paramref name="order"/> is null) of <paramref name="data"/>; returns the batch's mean loss.
        /// </summary>
        public double ComputeGradient(Dataset data, int[] order, int start, int count, LossFunction loss)
        {
            double lossSum = Forward(data, order, start, count, loss);
            int last = _layers.Length - 1;
            Losses.OutputDelta(loss, _layers[last].Activation, _z[last], _a[last], _targets, _delta[last], count, _layers[last].OutputSize, _lossScratch);
            double scale = count == 1 ? 1.0 : 1.0 / count;
            for (int l = last; l >= 0; l--)
            {
                LayerPass.Gradients(_layers[l], _delta[l], InputOf(l, data, order, start), count, scale,
                    WeightGradient[l], BiasGradient[l], _path, _threads);
                if (l > 0)
                {
                    LayerPass.DeltaBelow(_layers[l], _delta[l], count, _layers[l - 1].Activation, _z[l - 1], _a[l - 1],
                        _dA, _delta[l - 1], _path, _threads);
                }
            }
            return lossSum / count;
        }

        /// <summary>The summed loss and the number of right predictions over all of <paramref name="data"/>, forward only.</summary>
        public (double LossSum, int Correct) Evaluate(Dataset data, LossFunction loss, AccuracyKind kind)
        {
            double sum = 0.0;
            int correct = 0;
            for (int start = 0; start < data.Count; start += Capacity)
            {
                int count = Math.Min(Capacity, data.Count - start);
                sum += Forward(data, null, start, count, loss);
                if (kind != AccuracyKind.None) correct += CountCorrect(kind);
            }
            return (sum, correct);
        }

        /// <summary>How many samples of the last batch the network predicted right.</summary>
        public int CountCorrect(AccuracyKind kind) =>
            Accuracy.CountCorrect(kind, _a[_layers.Length - 1], _targets, _rows, _layers[_layers.Length - 1].OutputSize);

        /// <summary>The L2 norm of the gradient of every weight and bias.</summary>
        public double GradientNorm()
        {
            double sum = 0.0;
            for (int l = 0; l < _layers.Length; l++)
            {
                sum += ElementWise.SumOfSquares(WeightGradient[l], WeightGradient[l].Length, _path);
                sum += ElementWise.SumOfSquares(BiasGradient[l], BiasGradient[l].Length, _path);
            }
            return Math.Sqrt(sum);
        }

        /// <summary>True when no weight or bias is infinite or NaN.</summary>
        public bool ParametersAreFinite()
        {
            for (int l = 0; l < _layers.Length; l++)
                if (!AllFinite(Weights[l]) || !AllFinite(Biases[l])) return false;
            return true;
        }

        private static bool AllFinite(double[] values)
        {
            // v - v is 0 for a finite v and NaN for an infinity or a NaN: one test per value, no branches inside.
            double sum = 0.0;
            foreach (double v in values) sum += v - v;
            return sum == 0.0;
        }

        /// <summary>An immutable network holding copies of the parameters as they are now, with the run's schema.</summary>
        public Network Snapshot()
        {
            var layers = new Layer[_layers.Length];
            for (int l = 0; l < layers.Length; l++)
                layers[l] = Layer.Wrap(_template.Layers[l], (double[])Weights[l].Clone(), (double[])Biases[l].Clone());
            return _template.WithLayers(layers);
        }

        // The forward pass of a batch, its targets gathered beside it; returns the sum of the samples' losses.
        private double Forward(Dataset data, int[] order, int start, int count, LossFunction loss)
        {
            if (count > Capacity) throw new ArgumentOutOfRangeException(nameof(count));
            _rows = count;
            int outputs = _layers[_layers.Length - 1].OutputSize;
            double[] y = data.Targets.Data;
            for (int r = 0; r < count; r++)
                Array.Copy(y, (order == null ? start + r : order[start + r]) * outputs, _targets, r * outputs, outputs);
            for (int l = 0; l < _layers.Length; l++)
                LayerPass.Forward(_layers[l], InputOf(l, data, order, start), count, _z[l], _a[l], _path, _threads);
            int last = _layers.Length - 1;
            double sum = 0.0;
            for (int r = 0; r < count; r++) sum += Losses.SampleLoss(loss, _layers[last].Activation, _z[last], _a[last], _targets, r, outputs);
            return sum;
        }

        // What layer l reads: a view of the batch's rows of the data set for the first, the activations below otherwise.
        private MatrixOperand InputOf(int l, Dataset data, int[] order, int start)
        {
            if (l > 0) return MatrixOperand.Rows(_a[l - 1], _layers[l - 1].OutputSize);
            int width = data.Inputs.Columns;
            return order == null ? MatrixOperand.Rows(data.Inputs.Data, width, start * width)
                : MatrixOperand.Gather(data.Inputs.Data, width, order, start);
        }
    }
}
