using System;
using System.Management.Automation;
using BackpropPS.Core;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// Brings a deserialized network, epoch row, forward pass, gradient or step back alive. PowerShell's
    /// deserializer calls it for a "Deserialized.BackpropPS..." object whose type names it as
    /// TargetTypeForDeserialization (BackpropPS.Types.ps1xml), when the module is loaded in the receiving session.
    /// The network comes from its file text (every double exact); a pass, gradient or step is computed again from
    /// it and its inputs and targets, the same arithmetic on the same numbers as the sender's.
    /// </summary>
    public sealed class RehydratingConverter : PSTypeConverter
    {
        /// <inheritdoc />
        public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
            sourceValue is PSObject source && Property(source, "NetworkJson") is string && IsTravelling(destinationType);

        /// <inheritdoc />
        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
        {
            var source = sourceValue as PSObject ?? throw new PSInvalidCastException("Expected a deserialized BackpropPS object.");
            try
            {
                return Rebuild(source, destinationType);
            }
            catch (Exception e) when (e is BackpropException || e is FormatException || e is InvalidCastException || e is ArgumentException)
            {
                throw new PSInvalidCastException($"The deserialized {destinationType.Name} could not be rebuilt: {e.Message}", e);
            }
        }

        /// <inheritdoc />
        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        /// <inheritdoc />
        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new PSInvalidCastException("BackpropPS objects convert only from their deserialized form.");

        private static bool IsTravelling(Type type) =>
            type == typeof(Network) || type == typeof(EpochResult) || type == typeof(ForwardPass) || type == typeof(Gradient) ||
            type == typeof(TrainingStep);

        private static object Rebuild(PSObject source, Type type)
        {
            Network network = NetworkJson.Deserialize((string)Property(source, "NetworkJson"), "the deserialized network");
            if (type == typeof(Network)) return network;
            if (type == typeof(EpochResult))
            {
                return new EpochResult((int)Property(source, "Epoch"), (double)Property(source, "Loss"),
                    (double?)Property(source, "ValidationLoss"), (double?)Property(source, "Accuracy"),
                    (double?)Property(source, "ValidationAccuracy"), (double)Property(source, "LearningRate"),
                    (double)Property(source, "GradientNorm"), (TimeSpan)Property(source, "Elapsed"), network);
            }
            Matrix input = MatrixText.Parse((string)Property(source, "InputText"));
            if (type == typeof(ForwardPass)) return Backpropagation.Forward(network, input);
            Matrix target = MatrixText.Parse((string)Property(source, "TargetText"));
            var loss = (LossFunction)Enum.Parse(typeof(LossFunction), Property(source, "LossFunction").ToString());
            if (type == typeof(Gradient)) return Backpropagation.Backward(Backpropagation.Forward(network, input), target, loss);
            return TrainingStep.Take(network, input, target, loss, (double)Property(source, "LearningRate"));
        }

        private static object Property(PSObject source, string name)
        {
            object value = source.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }
    }
}
