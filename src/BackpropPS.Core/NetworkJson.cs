using System.IO;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core
{
    /// <summary>
    /// The network file format (docs/en-US/about_BackpropPS_NetworkFile.md): JSON with "format", "version",
    /// "layers" ({ activation, bias, weights[out][in] }) and, for a trained network, an optional "schema"
    /// (input columns, target columns, class labels, input scaling). Doubles round-trip exactly.
    /// </summary>
    public static class NetworkJson
    {
        /// <summary>The value of the "format" field.</summary>
        public const string FormatName = "BackpropPS.Network";

        /// <summary>The file version this library writes and the newest it reads.</summary>
        public const int FormatVersion = 1;

        /// <summary>Writes <paramref name="network"/> as indented JSON, one weight row per line, or as one line.</summary>
        public static void Write(Network network, TextWriter writer, bool indented = true)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            RequireFinite(network); // before the first character, so that no file holds half a network
            var json = new JsonTextWriter(writer) { Formatting = indented ? Formatting.Indented : Formatting.None, Indentation = 2, CloseOutput = false };
            json.WriteStartObject();
            json.WritePropertyName("format"); json.WriteValue(FormatName);
            json.WritePropertyName("version"); json.WriteValue(FormatVersion);
            json.WritePropertyName("layers");
            json.WriteStartArray();
            foreach (Layer layer in network.Layers)
            {
                json.WriteStartObject();
                json.WritePropertyName("activation"); json.WriteValue(layer.Activation.ToString());
                json.WritePropertyName("bias");
                if (layer.BiasMode == BiasMode.Shared) json.WriteValue(layer.Biases[0]);
                else if (layer.BiasMode == BiasMode.None) json.WriteNull();
                else WriteRow(json, layer.Biases, 0, layer.OutputSize);
                json.WritePropertyName("weights");
                json.WriteStartArray();
                for (int j = 0; j < layer.OutputSize; j++) WriteRow(json, layer.Weights, j * layer.InputSize, layer.InputSize);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (network.Schema != null) WriteSchema(json, network.Schema);
            json.WriteEndObject();
            json.Flush();
            writer.WriteLine();
        }

        /// <summary>The network as a JSON string: the file's text, or one line without a line end.</summary>
        public static string Serialize(Network network, bool indented = true)
        {
            var writer = new StringWriter { NewLine = "\n" };
            Write(network, writer, indented);
            string text = writer.ToString();
            return indented ? text : text.TrimEnd('\n');
        }

        /// <summary>Reads a network; <paramref name="source"/> (e.g. the file name) is named in errors.</summary>
        public static Network Read(TextReader reader, string source)
        {
            // Strict RFC 8259: a file a lenient reader would take (comments, 1.0 for 1, a duplicate field) is refused.
            JToken parsed = StrictJson.Parse(reader.ReadToEnd(), source);
            if (!(parsed is JObject root))
            {
                throw new BackpropException("InvalidNetworkFile", BackpropErrorKind.InvalidData,
                    $"{source} is not a network: expected a JSON object with format, version and layers; got {Describe(parsed)}.");
            }

            string format = root.Value<JToken>("format")?.Type == JTokenType.String ? (string)root["format"] : null;
            if (format != FormatName) throw Invalid(source, "format", $"the string \"{FormatName}\"");
            JToken version = root["version"];
            if (version?.Type != JTokenType.Integer || (long)version < 1 || (long)version > FormatVersion)
                throw Invalid(source, "version", FormatVersion == 1 ? "the integer 1 (not 1.0 or 1e0)" : $"an integer from 1 to {FormatVersion}");
            if (!(root["layers"] is JArray layers) || layers.Count == 0)
                throw Invalid(source, "layers", "a non-empty array of layer objects");

            var result = new List<Layer>();
            for (int l = 0; l < layers.Count; l++)
            {
                string field = $"layers[{l}]";
                if (!(layers[l] is JObject layer)) throw Invalid(source, field, "a layer object");
                result.Add(ReadLayer(layer, field, source, l == 0 ? (int?)null : result[l - 1].OutputSize));
            }
            JToken schema = root["schema"];
            DataSchema dataSchema = schema == null || schema.Type == JTokenType.Null ? null : ReadSchema(schema, source);
            try
            {
                return new Network(result, dataSchema);
            }
            catch (BackpropException e)
            {
                throw Invalid(source, "schema", "a schema that fits the layers (" + e.Message + ")");
            }
        }

        /// <summary>Reads a network from a JSON string.</summary>
        public static Network Deserialize(string json, string source = "the JSON text") =>
            Read(new StringReader(json ?? throw new ArgumentNullException(nameof(json))), source);

        private static Layer ReadLayer(JObject layer, string field, string source, int? expectedInputs)
        {
            // A whole documented name, in any case; not what Enum.Parse also takes ("Sigmoid, Tanh", "0", " ReLU").
            JToken activationToken = layer["activation"];
            string name = activationToken?.Type == JTokenType.String
                ? Enum.GetNames(typeof(Activation)).FirstOrDefault(n => string.Equals(n, (string)activationToken, StringComparison.OrdinalIgnoreCase))
                : null;
            if (name == null) throw Invalid(source, field + ".activation", "one of " + string.Join(", ", Enum.GetNames(typeof(Activation))));
            var activation = (Activation)Enum.Parse(typeof(Activation), name);

            if (!(layer["weights"] is JArray rows) || rows.Count == 0)
                throw Invalid(source, field + ".weights", "a non-empty array of weight rows (one per neuron)");
            var weights = new List<double>();
            int inputs = -1;
            for (int j = 0; j < rows.Count; j++)
            {
                string rowField = $"{field}.weights[{j}]";
                double[] row = ReadNumbers(rows[j], rowField, source);
                if (row.Length == 0 || (inputs >= 0 && row.Length != inputs))
                    throw Invalid(source, rowField, inputs < 0 ? "a non-empty array of numbers" : $"{inputs} numbers like the first row");
                inputs = row.Length;
                weights.AddRange(row);
            }
            if (expectedInputs.HasValue && inputs != expectedInputs.Value)
                throw Invalid(source, field + ".weights", $"{expectedInputs} weights per row (the previous layer's neuron count)");

            JToken bias = layer["bias"];
            BiasMode mode;
            double[] biases;
            if (bias == null || bias.Type == JTokenType.Null) { mode = BiasMode.None; biases = new double[0]; }
            else if (bias.Type == JTokenType.Array) { mode = BiasMode.PerNeuron; biases = ReadNumbers(bias, field + ".bias", source); }
            else { mode = BiasMode.Shared; biases = new[] { ReadNumber(bias, field + ".bias", source) }; }
            if (mode == BiasMode.PerNeuron && biases.Length != rows.Count)
                throw Invalid(source, field + ".bias", $"a number, null, or an array of {rows.Count} numbers (one per neuron)");

            return new Layer(inputs, rows.Count, weights, biases, activation, mode);
        }

        private static void WriteSchema(JsonTextWriter json, DataSchema schema)
        {
            json.WritePropertyName("schema");
            json.WriteStartObject();
            WriteStrings(json, "inputColumns", schema.InputColumns);
            WriteStrings(json, "targetColumns", schema.TargetColumns);
            WriteStrings(json, "classLabels", schema.ClassLabels);
            if (schema.Scaling != null)
            {
                json.WritePropertyName("inputMean");
                WriteRow(json, schema.Scaling.Mean, 0, schema.Scaling.Mean.Count);
                json.WritePropertyName("inputScale");
                WriteRow(json, schema.Scaling.Scale, 0, schema.Scaling.Scale.Count);
            }
            json.WriteEndObject();
        }

        private static void WriteStrings(JsonTextWriter json, string name, IReadOnlyList<string> values)
        {
            Formatting formatting = json.Formatting;
            json.WritePropertyName(name);
            json.WriteStartArray();
            json.Formatting = Formatting.None;
            foreach (string value in values) json.WriteValue(value);
            json.WriteEndArray();
            json.Formatting = formatting;
        }

        private static DataSchema ReadSchema(JToken token, string source)
        {
            if (!(token is JObject schema)) throw Invalid(source, "schema", "an object");
            string[] Strings(string name)
            {
                JToken value = schema[name];
                if (value == null || value.Type == JTokenType.Null) return new string[0];
                if (!(value is JArray array) || array.Any(t => t.Type != JTokenType.String))
                    throw Invalid(source, "schema." + name, "an array of strings");
                return array.Select(t => (string)t).ToArray();
            }
            InputScaling scaling = null;
            JToken mean = schema["inputMean"], scale = schema["inputScale"];
            if (mean != null || scale != null)
            {
                double[] means = ReadNumbers(mean, "schema.inputMean", source);
                double[] scales = ReadNumbers(scale, "schema.inputScale", source);
                if (means.Length != scales.Length || means.Length == 0 || scales.Any(v => v <= 0))
                    throw Invalid(source, "schema.inputScale", "one positive number per entry of schema.inputMean");
                scaling = new InputScaling(means, scales);
            }
            string[] inputColumns = Strings("inputColumns"), targetColumns = Strings("targetColumns"), classLabels = Strings("classLabels");
            // A classifier tells at least two labels apart (one sigmoid output stands for exactly two), each once.
            if (classLabels.Length == 1)
                throw Invalid(source, "schema.classLabels", "no labels, or at least two (one sigmoid output stands for two labels)");
            for (int k = 1; k < classLabels.Length; k++)
            {
                int first = Array.IndexOf(classLabels, classLabels[k]);
                if (first < k) throw Invalid(source, $"schema.classLabels[{k}]", $"a label not given before ('{classLabels[k]}' is also schema.classLabels[{first}])");
            }
            try
            {
                return new DataSchema(inputColumns, targetColumns, classLabels, scaling);
            }
            catch (BackpropException e)
            {
                throw Invalid(source, "schema", e.Message);
            }
        }

        private static double[] ReadNumbers(JToken token, string field, string source)
        {
            if (!(token is JArray array)) throw Invalid(source, field, "an array of numbers");
            return array.Select((t, i) => ReadNumber(t, $"{field}[{i}]", source)).ToArray();
        }

        private static double ReadNumber(JToken token, string field, string source)
        {
            if (token.Type != JTokenType.Float && token.Type != JTokenType.Integer) throw Invalid(source, field, "a number");
            double value = (double)token;
            if (!IsFinite(value)) throw Invalid(source, field, "a finite number (this one is too large for a double)");
            return value;
        }

        private static void RequireFinite(Network network)
        {
            // Layer.Wrap (the core's own snapshots) skips the Layer constructor's check; the file must never hold NaN.
            for (int l = 0; l < network.Layers.Count; l++)
            {
                Layer layer = network.Layers[l];
                for (int k = 0; k < layer.Weights.Count; k++)
                {
                    if (!IsFinite(layer.Weights[k]))
                        throw NonFinite($"layers[{l}].weights[{k / layer.InputSize}][{k % layer.InputSize}]", layer.Weights[k]);
                }
                for (int k = 0; k < layer.Biases.Count; k++)
                {
                    if (!IsFinite(layer.Biases[k]))
                        throw NonFinite(layer.BiasMode == BiasMode.Shared ? $"layers[{l}].bias" : $"layers[{l}].bias[{k}]", layer.Biases[k]);
                }
            }
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

        private static BackpropException NonFinite(string field, double value) =>
            BackpropException.Argument("NonFiniteParameter",
                $"The network's {field} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; a network file holds finite numbers only, so nothing was written.");

        private static void WriteRow(JsonTextWriter json, IReadOnlyList<double> values, int offset, int count)
        {
            // One row per line reads like the matrix it is.
            Formatting formatting = json.Formatting;
            json.WriteStartArray();
            json.Formatting = Formatting.None;
            for (int k = 0; k < count; k++) json.WriteValue(values[offset + k]);
            json.WriteEndArray();
            json.Formatting = formatting;
        }

        // What a JSON text holds instead of an object, in words.
        private static string Describe(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Array: return "an array";
                case JTokenType.String: return "a string";
                case JTokenType.Integer:
                case JTokenType.Float: return "the number " + token.ToString(Formatting.None);
                case JTokenType.Boolean: return (bool)token ? "true" : "false";
                case JTokenType.Null: return "null";
                default: return "a " + token.Type.ToString().ToLowerInvariant();
            }
        }

        private static BackpropException Invalid(string source, string field, string expected) =>
            new BackpropException("InvalidNetworkFile", BackpropErrorKind.InvalidData,
                $"{source}: field '{field}' is missing or malformed; expected {expected}.");
    }
}
