using System.Globalization;
using System.IO;
using Google.Protobuf;
using Onnx;

namespace BackpropPS.Core.Onnx
{
    /// <summary>
    /// Reads a network from an ONNX model: a chain (<see cref="OnnxChain"/>) of layers, each a Gemm, or a MatMul and
    /// an Add, with float32 or float64 weights as initializers, then at most one activation (Sigmoid, Tanh, Relu,
    /// LeakyRelu or PRelu of slope 0.01, Softmax on the last axis; none is Linear), optionally after Sub and Div nodes that
    /// standardise the input. That is what <c>torch.onnx.export</c> makes of an <c>nn.Sequential</c> of <c>Linear</c>
    /// and those activations, and what <see cref="OnnxExport"/> writes. Anything else is refused with an error naming
    /// the node and its operator; no wire format is read by hand (Google.Protobuf parses it).
    /// </summary>
    public static class OnnxImport
    {
        /// <summary>The oldest standard opset read: 7, where Gemm's C broadcasts as it does today.</summary>
        public const int MinOpset = 7;

        /// <summary>The newest standard opset read: 28 (ONNX 1.23); none of the operators read has changed since 16.</summary>
        public const int MaxOpset = 28;

        /// <summary>The operators a network's graph may hold.</summary>
        public static IReadOnlyList<string> Operators { get; } =
            new[] { "Gemm", "MatMul", "Add", "Sigmoid", "Tanh", "Relu", "LeakyRelu", "PRelu", "Softmax", "Identity", "Sub", "Div" };

        /// <summary>
        /// Reads the model in <paramref name="stream"/>, at most <see cref="OnnxLimits.MaxFileBytes"/> of it;
        /// <paramref name="source"/> (the file name) is named in errors.
        /// </summary>
        public static Network Read(Stream stream, string source)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            if (stream.CanSeek && stream.Length > OnnxLimits.MaxFileBytes) throw TooLarge(source, stream.Length);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > OnnxLimits.MaxFileBytes) throw TooLarge(source, buffer.Length + read);
                buffer.Write(chunk, 0, read);
            }
            return FromBytes(buffer.ToArray(), source);
        }

        /// <summary>Reads the model whose bytes are <paramref name="bytes"/>.</summary>
        public static Network FromBytes(byte[] bytes, string source = "The ONNX model")
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            if (bytes.Length > OnnxLimits.MaxFileBytes) throw TooLarge(source, bytes.Length);
            ModelProto model;
            try
            {
                model = ModelProto.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException e)
            {
                // Protobuf's own words name its wire format ("end-group tag", "more data was available"); these name the file.
                throw Invalid(source, "is not an ONNX model: its bytes are not a valid model message (a file cut short, damaged, or of another kind)", e);
            }
            return FromModel(model, source);
        }

        internal static Network FromModel(ModelProto model, string source)
        {
            if (model.Graph == null)
                throw Invalid(source, "is not an ONNX model: it holds no graph (an empty file, or a file of another kind)");
            int opset = Opset(model, source);
            GraphProto graph = model.Graph;
            if (graph.Node.Count > OnnxLimits.MaxNodes) throw GraphTooLarge(source, graph.Node.Count, "nodes", OnnxLimits.MaxNodes, "MaxNodes");
            if (graph.Initializer.Count > OnnxLimits.MaxInitializers)
                throw GraphTooLarge(source, graph.Initializer.Count, "initializers", OnnxLimits.MaxInitializers, "MaxInitializers");

            var weights = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
            foreach (TensorProto tensor in graph.Initializer)
            {
                if (weights.ContainsKey(tensor.Name)) throw Invalid(source, $"has two initializers named '{OnnxText.Name(tensor.Name)}'");
                weights.Add(tensor.Name, tensor);
            }
            var chain = new OnnxChain(graph, new HashSet<string>(weights.Keys), source);
            var reader = new OnnxLayerReader(chain, weights, opset, source);
            foreach ((NodeProto node, int index, string value) in chain.Nodes()) reader.Read(node, index, value);
            return reader.Finish(Metadata(model, source));
        }

        private static int Opset(ModelProto model, string source)
        {
            OperatorSetIdProto[] standard = model.OpsetImport.Where(o => o.Domain == "" || o.Domain == "ai.onnx").ToArray();
            if (standard.Length != 1)
                throw Invalid(source, $"names the standard operator set {standard.Length} times; an ONNX model names it once (opset_import)");
            long version = standard[0].Version;
            if (version < MinOpset || version > MaxOpset)
            {
                throw new BackpropException("UnsupportedOnnxOpset", BackpropErrorKind.InvalidData,
                    $"{source} uses opset {version.ToString(CultureInfo.InvariantCulture)}; the module reads opsets {MinOpset} to {MaxOpset} " +
                    "(torch.onnx.export's opset_version; ONNX's version converter moves a model between them).");
            }
            return (int)version;
        }

        private static IReadOnlyDictionary<string, string> Metadata(ModelProto model, string source)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (StringStringEntryProto entry in model.MetadataProps)
            {
                if (metadata.ContainsKey(entry.Key)) throw OnnxMetadata.Invalid(source, OnnxText.Name(entry.Key), "one entry per key; the model has two");
                metadata.Add(entry.Key, entry.Value);
            }
            return metadata;
        }

        private static BackpropException TooLarge(string source, long bytes) =>
            new BackpropException("OnnxFileTooLarge", BackpropErrorKind.LimitsExceeded,
                $"{source} is {(bytes > OnnxLimits.MaxFileBytes + 81920 ? Wording.Bytes(bytes) : "more than " + Wording.Bytes(OnnxLimits.MaxFileBytes))}; the module reads ONNX models " +
                $"of at most {Wording.Bytes(OnnxLimits.MaxFileBytes)} (OnnxLimits.MaxFileBytes), a float64 network of 33 million numbers.");

        private static BackpropException GraphTooLarge(string source, int count, string what, int cap, string capName) =>
            new BackpropException("OnnxGraphTooLarge", BackpropErrorKind.LimitsExceeded,
                $"{source}'s graph has {Wording.Number(count)} {what}; the module reads at most {Wording.Number(cap)} (OnnxLimits.{capName}), more than any network of its layers needs.");

        internal static BackpropException Invalid(string source, string problem, Exception inner = null) =>
            new BackpropException("InvalidOnnxFile", BackpropErrorKind.InvalidData, $"{source} {problem}.", inner);
    }
}
