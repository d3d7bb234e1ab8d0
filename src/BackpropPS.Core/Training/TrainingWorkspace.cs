using System.Runtime.CompilerServices;
using BackpropPS.Core.Evaluation;
using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// Everything a training run computes in, allocated once: the parameters being trained (updated in place by
    /// the optimizer), their gradients, and each layer's z, a and delta for a batch, all of type <c>T</c>: double,
    /// or float in a float32 run (the network's weights rounded once, here). A batch's inputs are read as a view of
    /// the data set's rows (stored as <c>T</c>), through the shuffled order when there is one; only its targets (one
    /// row of outputs per sample) are gathered, and the inputs too when the data set reads a caller's rows where they are
    /// (<see cref="Dataset.OverRows"/>). The loss, the output layer's deltas and the accuracy are computed in
    /// double from the output layer's values (widened first in a float32 run: a few hundred values a batch), and
    /// the deltas rounded back. An immutable <see cref="Network"/> (of doubles) is made only by
    /// <see cref="Snapshot"/>, where a user gets to see one.
    /// </summary>
    internal sealed class TrainingWorkspace<T> where T : unmanaged
    {
        private readonly Network _template;
        private readonly LayerParameters<T>[] _layers;
        private readonly T[][] _z, _a, _delta;
        private readonly T[] _dA;
        // The batch's input rows when they are gathered (see the constructor's gatherWidth), else null.
        private readonly T[] _batchInputs;
        private bool _gathered;
        private readonly double[] _targets, _lossScratch;
        // The output layer's z, a and delta as doubles: the layer's own arrays in a float64 run, copies in a float32 one.
        private readonly double[] _outputZ, _outputA, _outputDelta;
        private readonly KernelPath _path;
        private readonly int _threads;
        private int _rows;

        // gatherWidth: inputs per sample of a data set whose rows are read where they are (Dataset.OverRows, double
        // only), whose batches are copied into the workspace; 0 when the data sets' inputs are one matrix each.
        public TrainingWorkspace(Network network, int capacity, KernelPath path, int threads, int gatherWidth = 0)
        {
            _template = network;
            _path = path;
            _threads = threads;
            Capacity = capacity;
            int count = network.Layers.Count, widest = 0;
            _layers = new LayerParameters<T>[count];
            Weights = new T[count][];
            Biases = new T[count][];
            WeightGradient = new T[count][];
            BiasGradient = new T[count][];
            _z = new T[count][];
            _a = new T[count][];
            _delta = new T[count][];
            for (int l = 0; l < count; l++)
            {
                Layer layer = network.Layers[l];
                Weights[l] = Scalar.Copy<T>(layer.Weights.Data);
                Biases[l] = Scalar.Copy<T>(layer.Biases.Data);
                WeightGradient[l] = new T[Weights[l].Length];
                BiasGradient[l] = new T[Biases[l].Length];
                _layers[l] = new LayerParameters<T>(layer.InputSize, layer.OutputSize, layer.Activation, layer.BiasMode, Weights[l], Biases[l]);
                int batchValues = Validation.ArrayLength(capacity, layer.OutputSize, $"A batch of {capacity} samples through layer {l + 1}", "BatchTooLarge");
                _z[l] = new T[batchValues];
                _a[l] = new T[batchValues];
                _delta[l] = new T[batchValues];
                widest = Math.Max(widest, layer.InputSize);
            }
            _dA = new T[Validation.ArrayLength(capacity, widest, $"A batch of {capacity} samples", "BatchTooLarge")];
            if (gatherWidth > 0) _batchInputs = new T[Validation.ArrayLength(capacity, gatherWidth, $"A batch of {capacity} samples", "BatchTooLarge")];
            _targets = new double[capacity * network.OutputSize];
            _lossScratch = new double[capacity * network.OutputSize];
            int last = count - 1;
            bool single = Scalar.IsSingle<T>();
            _outputZ = single ? new double[_z[last].Length] : Scalar.Doubles(_z[last]);
            _outputA = single ? new double[_a[last].Length] : Scalar.Doubles(_a[last]);
            _outputDelta = single ? new double[_delta[last].Length] : Scalar.Doubles(_delta[last]);
            if (single && !ParametersAreFinite()) throw WeightOutOfRange(network);
        }

        // The first weight or bias that rounding to float made infinite.
        private static BackpropException WeightOutOfRange(Network network)
        {
            for (int l = 0; l < network.Layers.Count; l++)
            {
                Layer layer = network.Layers[l];
                foreach (var (values, name) in new[] { (layer.Weights, "a weight"), (layer.Biases, "a bias") })
                    foreach (double v in values)
                        if (float.IsInfinity((float)v) && !double.IsInfinity(v)) return Validation.OutOfSingleRange(v, $"{name} of layer {l + 1}");
            }
            return new BackpropException("NonFiniteWeight", BackpropErrorKind.InvalidData, "The network has a weight or bias that is infinite or NaN.");
        }

        /// <summary>The most samples one batch may have.</summary>
        public int Capacity { get; }

        /// <summary>What the workspace computes in.</summary>
        public Precision Precision => Scalar.PrecisionOf<T>();

        /// <summary>Each layer's weights as they are being trained.</summary>
        public T[][] Weights { get; }

        /// <summary>Each layer's biases as they are being trained.</summary>
        public T[][] Biases { get; }

        /// <summary>Each layer's weight gradient from the last <see cref="ComputeGradient"/>.</summary>
        public T[][] WeightGradient { get; }

        /// <summary>Each layer's bias gradient from the last <see cref="ComputeGradient"/>.</summary>
        public T[][] BiasGradient { get; }

        /// <summary>Each layer's z, a and delta of the last batch, row-major (sample x neuron), for the gradient-flow recorder.</summary>
        public T[][] BatchZ => _z;

        /// <inheritdoc cref="BatchZ"/>
        public T[][] BatchA => _a;

        /// <inheritdoc cref="BatchZ"/>
        public T[][] BatchDelta => _delta;

        /// <summary>
        /// Forward pass, loss and backward pass of rows <c>order[start]</c> .. (or rows start .. when
        /// <paramref name="order"/> is null) of <paramref name="data"/>, whose inputs are stored as <c>T</c>;
        /// returns the batch's mean loss.
        /// </summary>
        [MethodImpl(JitOptions.Optimize)]
        public double ComputeGradient(Dataset data, int[] order, int start, int count, LossFunction loss)
        {
            double lossSum = Forward(data, order, start, count, loss);
            int last = _layers.Length - 1, outputs = _layers[last].OutputSize;
            Losses.OutputDelta(loss, _layers[last].Activation, _outputZ, _outputA, _targets, _outputDelta, count, outputs, _lossScratch);
            if (Scalar.IsSingle<T>())
            {
                float[] delta = Scalar.Singles(_delta[last]);
                for (int k = 0; k < count * outputs; k++) delta[k] = (float)_outputDelta[k];
            }
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
        [MethodImpl(JitOptions.Optimize)]
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

        /// <summary>The network's outputs for <paramref name="inputs"/> (stored as <c>T</c>, at most <see cref="Capacity"/> rows), as doubles.</summary>
        public Matrix Predict(Matrix inputs)
        {
            int count = inputs.Rows, last = _layers.Length - 1, outputs = _layers[last].OutputSize;
            if (count > Capacity) throw new ArgumentOutOfRangeException(nameof(inputs));
            for (int l = 0; l < _layers.Length; l++)
            {
                MatrixOperand<T> input = l == 0 ? MatrixOperand.Rows(inputs.Values<T>(), inputs.Columns) : MatrixOperand.Rows(_a[l - 1], _layers[l - 1].OutputSize);
                LayerPass.Forward(_layers[l], input, count, _z[l], _a[l], _path, _threads);
            }
            var output = new double[count * outputs];
            for (int k = 0; k < output.Length; k++) output[k] = Scalar.ToDouble(_a[last][k]);
            return Matrix.Wrap(count, outputs, output);
        }

        /// <summary>How many samples of the last batch the network predicted right.</summary>
        public int CountCorrect(AccuracyKind kind) =>
            Accuracy.CountCorrect(kind, _outputA, _targets, _rows, _layers[_layers.Length - 1].OutputSize);

        /// <summary>The L2 norm of the gradient of every weight and bias (summed in double).</summary>
        [MethodImpl(JitOptions.Optimize)]
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
                if (!ElementWise.AllFinite(Weights[l]) || !ElementWise.AllFinite(Biases[l])) return false;
            return true;
        }

        /// <summary>
        /// An immutable network holding copies of the parameters as they are now (floats widened to the doubles they
        /// are exactly), with the run's schema.
        /// </summary>
        public Network Snapshot()
        {
            var layers = new Layer[_layers.Length];
            for (int l = 0; l < layers.Length; l++)
                layers[l] = Layer.Wrap(_template.Layers[l], Scalar.CopyToDoubles(Weights[l]), Scalar.CopyToDoubles(Biases[l]));
            return _template.WithLayers(layers);
        }

        // The forward pass of a batch, its targets gathered beside it; returns the sum of the samples' losses.
        [MethodImpl(JitOptions.Optimize)]
        private double Forward(Dataset data, int[] order, int start, int count, LossFunction loss)
        {
            if (count > Capacity) throw new ArgumentOutOfRangeException(nameof(count));
            _rows = count;
            int last = _layers.Length - 1, outputs = _layers[last].OutputSize;
            double[] y = data.Targets.Data;
            for (int r = 0; r < count; r++)
                Array.Copy(y, (order == null ? start + r : order[start + r]) * outputs, _targets, r * outputs, outputs);
            _gathered = _batchInputs != null && data.InputRows != null;
            if (_gathered)
            {
                double[][] rows = data.InputRows;
                double[] batch = Scalar.Doubles(_batchInputs);
                int width = data.InputColumns;
                for (int r = 0; r < count; r++) Array.Copy(rows[order == null ? start + r : order[start + r]], 0, batch, r * width, width);
            }
            for (int l = 0; l < _layers.Length; l++)
                LayerPass.Forward(_layers[l], InputOf(l, data, order, start), count, _z[l], _a[l], _path, _threads);
            if (Scalar.IsSingle<T>())
            {
                float[] z = Scalar.Singles(_z[last]), a = Scalar.Singles(_a[last]);
                for (int k = 0; k < count * outputs; k++)
                {
                    _outputZ[k] = z[k];
                    _outputA[k] = a[k];
                }
            }
            double sum = 0.0;
            for (int r = 0; r < count; r++) sum += Losses.SampleLoss(loss, _layers[last].Activation, _outputZ, _outputA, _targets, r, outputs);
            return sum;
        }

        // What layer l reads: a view of the batch's rows of the data set (or their copy, when gathered) for the first,
        // the activations below otherwise.
        [MethodImpl(JitOptions.Optimize)]
        private MatrixOperand<T> InputOf(int l, Dataset data, int[] order, int start)
        {
            if (l > 0) return MatrixOperand.Rows(_a[l - 1], _layers[l - 1].OutputSize);
            if (_gathered) return MatrixOperand.Rows(_batchInputs, data.InputColumns);
            int width = data.Inputs.Columns;
            T[] inputs = data.Inputs.Values<T>();
            return order == null ? MatrixOperand.Rows(inputs, width, start * width) : MatrixOperand.Gather(inputs, width, order, start);
        }
    }
}
