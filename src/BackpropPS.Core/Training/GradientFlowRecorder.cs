using BackpropPS.Core.Kernels;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// Adds up, batch by batch, how the gradient flows through each layer of a training run (see
    /// <see cref="GradientFlowRow"/>). Its buffers are allocated once per run, so recording a step allocates
    /// nothing; it only reads the workspace, so a run with it trains to the same bits as one without. A float32
    /// run's values are read as the doubles they are, and everything here is summed in double.
    /// </summary>
    internal sealed class GradientFlowRecorder
    {
        private readonly string _run;
        private readonly Activation[] _activation;
        private readonly int[] _neurons;
        private readonly double _threshold;
        private readonly double[][] _start;
        private readonly bool[][] _alive;
        private readonly double[] _normSum, _deltaSum;
        private readonly long[] _saturated;
        private long _samples;
        private int _batches;

        public GradientFlowRecorder(Network network, double saturationThreshold)
        {
            _run = network.Shape + " " + string.Join("/", network.Layers.Select(l => l.Activation).Distinct());
            _activation = network.Layers.Select(l => l.Activation).ToArray();
            _neurons = network.Layers.Select(l => l.OutputSize).ToArray();
            _threshold = saturationThreshold;
            _start = network.Layers.Select(l => new double[l.Weights.Count]).ToArray();
            _alive = network.Layers.Select(l => new bool[l.OutputSize]).ToArray();
            _normSum = new double[_neurons.Length];
            _deltaSum = new double[_neurons.Length];
            _saturated = new long[_neurons.Length];
        }

        /// <summary>Forgets the last epoch and keeps the weights the new one starts from.</summary>
        public void BeginEpoch<T>(TrainingWorkspace<T> workspace) where T : unmanaged
        {
            for (int l = 0; l < _start.Length; l++)
            {
                T[] weights = workspace.Weights[l];
                for (int k = 0; k < weights.Length; k++) _start[l][k] = Scalar.ToDouble(weights[k]);
                Array.Clear(_alive[l], 0, _alive[l].Length);
            }
            Array.Clear(_normSum, 0, _normSum.Length);
            Array.Clear(_deltaSum, 0, _deltaSum.Length);
            Array.Clear(_saturated, 0, _saturated.Length);
            _samples = 0;
            _batches = 0;
        }

        /// <summary>Adds the batch the workspace has just computed the gradient of (before its update).</summary>
        public void Record<T>(TrainingWorkspace<T> workspace, int count) where T : unmanaged
        {
            for (int l = 0; l < _neurons.Length; l++)
            {
                _normSum[l] += Norm(workspace.WeightGradient[l]);
                int values = count * _neurons[l];
                T[] delta = workspace.BatchDelta[l], z = workspace.BatchZ[l], a = workspace.BatchA[l];
                double sum = 0.0;
                for (int k = 0; k < values; k++) sum += Math.Abs(Scalar.ToDouble(delta[k]));
                _deltaSum[l] += sum;
                Activation f = _activation[l];
                if (f == Activation.Sigmoid || f == Activation.Tanh)
                {
                    long saturated = 0;
                    for (int k = 0; k < values; k++)
                        if (Activations.Derivative(f, Scalar.ToDouble(z[k]), Scalar.ToDouble(a[k])) < _threshold) saturated++;
                    _saturated[l] += saturated;
                }
                else if (f == Activation.ReLU)
                {
                    bool[] alive = _alive[l];
                    for (int k = 0; k < values; k++) if (Scalar.ToDouble(z[k]) > 0) alive[k % alive.Length] = true;
                }
            }
            _samples += count;
            _batches++;
        }

        /// <summary>The epoch's rows, one per layer, once the workspace holds the weights after the epoch.</summary>
        public GradientFlowRow[] EndEpoch<T>(int epoch, TrainingWorkspace<T> workspace) where T : unmanaged
        {
            var rows = new GradientFlowRow[_neurons.Length];
            for (int l = 0; l < rows.Length; l++)
            {
                T[] now = workspace.Weights[l];
                double[] before = _start[l];
                double update = 0.0;
                for (int k = 0; k < now.Length; k++)
                {
                    double change = Scalar.ToDouble(now[k]) - before[k];
                    update += change * change;
                }
                Activation f = _activation[l];
                double pairs = (double)_samples * _neurons[l];
                double? saturated = f == Activation.Sigmoid || f == Activation.Tanh ? _saturated[l] / pairs : (double?)null;
                double? dead = f == Activation.ReLU ? (double)_alive[l].Count(alive => !alive) / _neurons[l] : (double?)null;
                rows[l] = new GradientFlowRow(_run, epoch, l + 1, f, _neurons[l], _normSum[l] / _batches, _deltaSum[l] / pairs,
                    saturated, dead, Norm(before), Math.Sqrt(update));
            }
            return rows;
        }

        private static double Norm<T>(T[] values) where T : unmanaged
        {
            double sum = 0.0;
            foreach (T value in values)
            {
                double v = Scalar.ToDouble(value);
                sum += v * v;
            }
            return Math.Sqrt(sum);
        }
    }
}
