using BackpropPS.Core.Data;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// What a training run starts from, given its data: the validation split, the input scaling (fitted on the
    /// training part only, so validation stays unseen) and the network that carries the data's schema and that
    /// scaling into prediction. Immutable.
    /// </summary>
    public sealed class TrainingPreparation
    {
        private TrainingPreparation(Network network, Dataset training, Dataset validation)
        {
            Network = network;
            Training = training;
            Validation = validation;
        }

        /// <summary>The network to train: the given one with the data's schema and the scaling.</summary>
        public Network Network { get; }

        /// <summary>The training part, scaled.</summary>
        public Dataset Training { get; }

        /// <summary>The validation part, scaled, or null without a validation fraction.</summary>
        public Dataset Validation { get; }

        /// <summary>Prepares a run of <paramref name="network"/> on <paramref name="data"/>.</summary>
        /// <param name="network">The network to start from; it is not changed.</param>
        /// <param name="data">All the samples.</param>
        /// <param name="schema">What the data's columns are (null when unknown): the trained network keeps it.</param>
        /// <param name="validationFraction">The fraction held out for validation, from 0 to below 1.</param>
        /// <param name="seed">The seed of the split.</param>
        /// <param name="standardize">Fit a new scaling on the training part; otherwise the network's own scaling, if any, applies.</param>
        public static TrainingPreparation Prepare(Network network, Dataset data, DataSchema schema, double validationFraction, long seed, bool standardize)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (data == null) throw new ArgumentNullException(nameof(data));
            var (training, validation) = data.Split(validationFraction, seed);
            InputScaling scaling = standardize ? InputScaling.Fit(training.Inputs) : network.Schema?.Scaling;
            if (schema != null || scaling != null)
            {
                network = network.WithSchema(new DataSchema(schema?.InputColumns ?? new string[0], schema?.TargetColumns,
                    schema?.ClassLabels, scaling));
            }
            if (scaling != null)
            {
                training = training.Scaled(scaling);
                validation = validation?.Scaled(scaling);
            }
            return new TrainingPreparation(network, training, validation);
        }
    }
}
