using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core.Onnx
{
    /// <summary>
    /// What an ONNX model's graph cannot say about a network, kept in the model's metadata (metadata_props) as JSON
    /// arrays of strings: the class labels of the outputs, the input and target columns, and each layer's bias mode
    /// (a Shared bias is written as one value per neuron). Runtimes ignore them; <see cref="OnnxImport"/> reads them.
    /// </summary>
    public static class OnnxMetadata
    {
        /// <summary>The labels of a classifier's outputs, in output order: ["setosa","versicolor","virginica"].</summary>
        public const string ClassLabels = "BackpropPS.ClassLabels";

        /// <summary>The record columns the inputs come from, in order.</summary>
        public const string InputColumns = "BackpropPS.InputColumns";

        /// <summary>The record columns the targets come from.</summary>
        public const string TargetColumns = "BackpropPS.TargetColumns";

        /// <summary>Each layer's bias mode, input side first: ["PerNeuron","Shared","None"].</summary>
        public const string BiasModes = "BackpropPS.BiasModes";

        /// <summary>The entries a network's model carries; keys with nothing to say are left out.</summary>
        internal static IEnumerable<KeyValuePair<string, string>> Describe(Network network)
        {
            DataSchema schema = network.Schema;
            if (schema != null)
            {
                if (schema.IsClassifier) yield return Entry(ClassLabels, schema.ClassLabels);
                if (schema.InputColumns.Count > 0) yield return Entry(InputColumns, schema.InputColumns);
                if (schema.TargetColumns.Count > 0) yield return Entry(TargetColumns, schema.TargetColumns);
            }
            yield return Entry(BiasModes, network.Layers.Select(l => l.BiasMode.ToString()));
        }

        /// <summary>
        /// The list under <paramref name="key"/>, or null when the model has no such entry; anything but a JSON array
        /// of strings is an InvalidOnnxMetadata error naming the key.
        /// </summary>
        internal static string[] Strings(IReadOnlyDictionary<string, string> metadata, string key, string source)
        {
            if (!metadata.TryGetValue(key, out string text)) return null;
            JToken parsed;
            try
            {
                parsed = StrictJson.Parse(text, $"{source}: metadata '{key}'");
            }
            catch (BackpropException e)
            {
                throw Invalid(source, key, "a JSON array of strings", e);
            }
            if (!(parsed is JArray array) || array.Any(t => t.Type != JTokenType.String)) throw Invalid(source, key, "a JSON array of strings");
            return array.Select(t => (string)t).ToArray();
        }

        /// <summary>The schema the metadata and the scaling describe, or null when they describe nothing.</summary>
        internal static DataSchema Schema(IReadOnlyDictionary<string, string> metadata, InputScaling scaling, string source)
        {
            string[] labels = Strings(metadata, ClassLabels, source);
            string[] inputs = Strings(metadata, InputColumns, source);
            string[] targets = Strings(metadata, TargetColumns, source);
            if (labels == null && inputs == null && targets == null && scaling == null) return null;
            try
            {
                return new DataSchema(inputs ?? new string[0], targets ?? new string[0], labels, scaling);
            }
            catch (BackpropException e)
            {
                throw Invalid(source, labels != null ? ClassLabels : InputColumns, "entries that fit together: " + e.Message, e);
            }
        }

        /// <summary>An InvalidOnnxMetadata error: the entry <paramref name="key"/> is not what it should be.</summary>
        internal static BackpropException Invalid(string source, string key, string expected, Exception inner = null) =>
            new BackpropException("InvalidOnnxMetadata", BackpropErrorKind.InvalidData,
                $"{source}: the metadata entry '{key}' is malformed; expected {expected}.", inner);

        private static KeyValuePair<string, string> Entry(string key, IEnumerable<string> values) =>
            new KeyValuePair<string, string>(key, new JArray(values.Cast<object>().ToArray()).ToString(Formatting.None));
    }
}
