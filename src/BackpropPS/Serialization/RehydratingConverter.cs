using System.Globalization;
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
            sourceValue is PSObject source && HasNetwork(source) && IsTravelling(destinationType);

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

        /// <summary>
        /// The live object behind a cmdlet's input: its base object, or, for a Deserialized.BackpropPS object (one
        /// that came back through remoting, whose client deserializes without the session's type data), the
        /// object rebuilt. For cmdlets whose input is any of several types, where binding cannot convert.
        /// </summary>
        internal static object LiveObject(PSObject item)
        {
            if (item == null) return null;
            string typeName = item.TypeNames.Count > 0 ? item.TypeNames[0] : null;
            Type type = Travelling.FirstOrDefault(t => typeName == "Deserialized." + t.FullName);
            if (type == null || !HasNetwork(item)) return item.BaseObject;
            try
            {
                return Rebuild(item, type);
            }
            catch (Exception e) when (e is BackpropException || e is FormatException || e is InvalidCastException || e is ArgumentException)
            {
                return item.BaseObject; // the cmdlet says what it expected
            }
        }

        private static readonly Type[] Travelling =
            { typeof(Network), typeof(EpochResult), typeof(ForwardPass), typeof(Gradient), typeof(TrainingStep) };

        private static bool IsTravelling(Type type) => Array.IndexOf(Travelling, type) >= 0;

        private static object Rebuild(PSObject source, Type type)
        {
            Network network = NetworkOf(source);
            if (type == typeof(Network)) return network;
            if (type == typeof(EpochResult))
            {
                return new EpochResult((int)Property(source, "Epoch"), (double)Property(source, "Loss"),
                    (double?)Property(source, "ValidationLoss"), (double?)Property(source, "Accuracy"),
                    (double?)Property(source, "ValidationAccuracy"), (double)Property(source, "LearningRate"),
                    (double)Property(source, "GradientNorm"), (TimeSpan)Property(source, "Elapsed"), network,
                    GradientFlowOf(source));
            }
            Matrix input = MatrixText.Parse((string)Property(source, "InputText"));
            if (type == typeof(ForwardPass)) return Backpropagation.Forward(network, input);
            Matrix target = MatrixText.Parse((string)Property(source, "TargetText"));
            var loss = (LossFunction)Enum.Parse(typeof(LossFunction), Property(source, "LossFunction").ToString());
            if (type == typeof(Gradient)) return Backpropagation.Backward(Backpropagation.Forward(network, input), target, loss);
            return TrainingStep.Take(network, input, target, loss, (double)Property(source, "LearningRate"));
        }

        // An epoch row's gradient flow (Invoke-BackpropTraining -GradientFlow): flat rows, live or deserialized.
        private static GradientFlowRow[] GradientFlowOf(PSObject source)
        {
            if (!(Property(source, "GradientFlow") is System.Collections.IEnumerable rows)) return null;
            return rows.Cast<object>().Select(item =>
            {
                if ((item as PSObject)?.BaseObject is GradientFlowRow live) return live;
                if (item is GradientFlowRow row) return row;
                var bag = PSObject.AsPSObject(item);
                return new GradientFlowRow((string)Property(bag, "Run"), (int)Property(bag, "Epoch"), (int)Property(bag, "Layer"),
                    (Activation)Convert.ToInt32(Property(bag, "Activation"), CultureInfo.InvariantCulture), (int)Property(bag, "Neurons"),
                    (double)Property(bag, "GradientNorm"), (double)Property(bag, "MeanAbsDelta"), (double?)Property(bag, "SaturatedShare"),
                    (double?)Property(bag, "DeadShare"), (double)Property(bag, "WeightNorm"), (double)Property(bag, "UpdateNorm"));
            }).ToArray();
        }

        // The network: the object's own file text (a network, pass, gradient or step), or its Network property
        // (an epoch row, whose Network travels one level deeper), live when the deserializer rebuilt it already.
        private static Network NetworkOf(PSObject source)
        {
            object network = source.Properties["Network"]?.Value;
            if ((network as PSObject)?.BaseObject is Network rebuilt) return rebuilt;
            if (network is Network live) return live;
            string text = NetworkText(source);
            return text == null ? null : NetworkJson.Deserialize(text, "the deserialized network");
        }

        private static string NetworkText(PSObject source) =>
            Property(source, "NetworkJson") as string ??
            (source.Properties["Network"]?.Value is PSObject network ? Property(network, "NetworkJson") as string : null);

        private static bool HasNetwork(PSObject source)
        {
            object network = source.Properties["Network"]?.Value;
            return NetworkText(source) != null || network is Network || (network as PSObject)?.BaseObject is Network;
        }

        private static object Property(PSObject source, string name)
        {
            object value = source.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }
    }
}
