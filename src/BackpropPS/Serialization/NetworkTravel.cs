using BackpropPS.Core.Explain;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// Rebuilds a network, a forward pass, a gradient and a step from their fields. The network comes from its file
    /// text through the strict file reader (every double exact); a pass, gradient or step is computed again from it
    /// and its inputs and targets, the same arithmetic on the same numbers as the sender's, so no number the object
    /// showed (its loss, its gradients) is taken on trust.
    /// </summary>
    internal static class NetworkTravel
    {
        private const string NetworkText = "the network in the network file format (a network with NaN or infinite weights cannot travel)";

        public static Network Network(DeserializedObject fields)
        {
            string text = fields.OptionalText("NetworkJson", NetworkText) ?? throw fields.Invalid("NetworkJson", NetworkText);
            try
            {
                return NetworkJson.Deserialize(text, $"The deserialized {fields.Noun}'s NetworkJson");
            }
            catch (BackpropException e)
            {
                // The file reader's message names the field inside the text; the ErrorId says where it came from.
                throw new BackpropException("InvalidDeserializedObject", BackpropErrorKind.InvalidData, e.Message, e);
            }
        }

        /// <summary>The network a field holds (an epoch row's Network): live when the deserializer rebuilt it already.</summary>
        public static Network Within(DeserializedObject fields, string name)
        {
            object value = fields.Raw(name);
            if (value is Network live) return live;
            const string Expected = "a network";
            if (value == null) throw fields.Invalid(name, Expected);
            return Network(fields.Nested(value, name, Expected));
        }

        public static ForwardPass Forward(DeserializedObject fields)
        {
            Network network = Network(fields);
            Matrix input = Batch(fields, "InputText", network.InputSize, network.InputSize, null);
            return Computed(fields, () => Backpropagation.Forward(network, input));
        }

        public static Gradient Gradient(DeserializedObject fields)
        {
            var (network, input, target, loss) = Read(fields);
            return Computed(fields, () => Backpropagation.Backward(Backpropagation.Forward(network, input), target, loss));
        }

        public static TrainingStep Step(DeserializedObject fields)
        {
            var (network, input, target, loss) = Read(fields);
            double rate = fields.Number("LearningRate", "a positive finite number", v => v > 0);
            return Computed(fields, () => TrainingStep.Take(network, input, target, loss, rate));
        }

        private static (Network, Matrix, Matrix, LossFunction) Read(DeserializedObject fields)
        {
            Network network = Network(fields);
            int width = network.InputSize + network.OutputSize;
            Matrix input = Batch(fields, "InputText", network.InputSize, width, null);
            Matrix target = Batch(fields, "TargetText", network.OutputSize, width, input.Rows);
            return (network, input, target, fields.Choice<LossFunction>("LossFunction"));
        }

        /// <summary>
        /// A batch's text: <paramref name="columns"/> numbers a sample (the network's inputs or outputs) in
        /// <paramref name="rows"/> rows when known (the targets, one per input). <paramref name="width"/> is the numbers
        /// a sample carries in all, so that a batch that stayed behind for its size is told from one taken out.
        /// </summary>
        private static Matrix Batch(DeserializedObject fields, string name, int columns, int width, int? rows)
        {
            int? samples = fields.OptionalWhole("SampleCount", "a whole number of 1 or more", 1);
            string expected = $"rows of {columns} numbers as [[1,2],[3,4]]";
            string text = fields.OptionalText(name, expected);
            if (text == null && samples.HasValue && !TravelLimit.Fits((long)samples.Value * width))
            {
                throw TravelLimit.TooLarge($"The {fields.Noun}'s batch of {Wording.Number(samples.Value)} samples", (long)samples.Value * width,
                    "Compute it where its inputs are (in the job or the remote session), and send back what you need of it.");
            }
            if (text == null) throw fields.Invalid(name, expected);
            Matrix batch;
            try
            {
                batch = MatrixText.Parse(text, columns, rows, TravelLimit.MaxValues);
            }
            catch (FormatException e)
            {
                throw fields.Invalid(name, $"{expected} ({e.Message})");
            }
            if (samples.HasValue && batch.Rows != samples) throw fields.Invalid("SampleCount", $"{batch.Rows}, the rows of {name}");
            return batch;
        }

        // The core's own checks (a loss the output layer cannot take) stop a rebuilt object as they stop a live one.
        private static T Computed<T>(DeserializedObject fields, Func<T> compute)
        {
            try
            {
                return compute();
            }
            catch (BackpropException e)
            {
                throw fields.Refused(e.Message, e);
            }
        }
    }
}
