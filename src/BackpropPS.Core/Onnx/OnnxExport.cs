using System.IO;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using Google.Protobuf;
using Onnx;

namespace BackpropPS.Core.Onnx
{
    /// <summary>
    /// A network as a standard ONNX model (docs/en-US/about_BackpropPS.md, "ONNX"): one input [N, inputs] of raw values,
    /// the schema's input scaling as Sub and Div nodes, each layer as Gemm (weights out x in, transB = 1, the bias as
    /// C: a Shared bias expanded to one value per neuron, exactly) and its activation's operator (LeakyReLU as PRelu in
    /// float64, whose slope tensor holds 0.01 exactly, as LeakyRelu's float32 attribute cannot), one output
    /// [N, outputs]. Class labels, column names and bias modes go into the model's metadata, so that
    /// <see cref="OnnxImport"/> gives the same network back. Opset 17, IR version 8: ONNX Runtime 1.13 and later.
    /// </summary>
    public static class OnnxExport
    {
        /// <summary>The version of the standard operator set the model is written in.</summary>
        public const int Opset = 17;

        /// <summary>The ONNX IR version that goes with <see cref="Opset"/>.</summary>
        public const long IrVersion = 8;

        /// <summary>The name of the model's input: one row of raw input values per sample.</summary>
        public const string InputName = "input";

        /// <summary>The name of the model's output: the last layer's activations.</summary>
        public const string OutputName = "output";

        /// <summary>The model's bytes: float64 tensors, or float32 with <see cref="Precision.Single"/>.</summary>
        public static byte[] ToBytes(Network network, Precision precision = Precision.Double) => Build(network, precision).ToByteArray();

        /// <summary>Writes the model to <paramref name="stream"/>; nothing is written when the network cannot be exported.</summary>
        public static void Write(Network network, Stream stream, Precision precision = Precision.Double)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            Build(network, precision).WriteTo(stream); // built whole first: a refusal writes no byte
        }

        internal static ModelProto Build(Network network, Precision precision)
        {
            if (network == null) throw new ArgumentNullException(nameof(network));
            if (precision != Precision.Single && precision != Precision.Double)
                throw BackpropException.Argument("UnknownPrecision", $"Unknown precision '{precision}'; expected Single or Double.");
            var tensors = new TensorWriter(precision);
            var graph = new GraphProto { Name = "BackpropPS " + network.Shape };
            graph.Input.Add(ValueInfo(InputName, tensors.ElementType, network.InputSize, InputDoc(network.Schema)));
            graph.Output.Add(ValueInfo(OutputName, tensors.ElementType, network.OutputSize, OutputDoc(network.Schema)));

            string value = InputName;
            InputScaling scaling = network.Schema?.Scaling;
            if (scaling != null)
            {
                graph.Initializer.Add(tensors.Vector("scaling.mean", scaling.Mean, "input scaling mean"));
                graph.Initializer.Add(tensors.Vector("scaling.scale", scaling.Scale, "input scaling scale"));
                graph.Node.Add(Node("Sub", "scaling.Sub", new[] { value, "scaling.mean" }, "centred_input"));
                graph.Node.Add(Node("Div", "scaling.Div", new[] { "centred_input", "scaling.scale" }, "scaled_input"));
                value = "scaled_input";
            }

            for (int l = 0; l < network.Layers.Count; l++)
            {
                Layer layer = network.Layers[l];
                string prefix = "layer" + (l + 1);
                bool last = l == network.Layers.Count - 1;
                bool linear = layer.Activation == Activation.Linear;
                string z = last && linear ? OutputName : prefix + ".z";

                graph.Initializer.Add(tensors.Matrix(prefix + ".weight", layer.Weights, prefix + " weights"));
                var gemmInputs = new List<string> { value, prefix + ".weight" };
                if (layer.BiasMode != BiasMode.None)
                {
                    // Gemm's C has one value per neuron: a Shared bias is that one value, repeated exactly.
                    double[] biases = Enumerable.Range(0, layer.OutputSize).Select(layer.BiasOf).ToArray();
                    graph.Initializer.Add(tensors.Vector(prefix + ".bias", biases, prefix + " biases"));
                    gemmInputs.Add(prefix + ".bias");
                }
                NodeProto gemm = Node("Gemm", prefix + ".Gemm", gemmInputs, z);
                gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
                graph.Node.Add(gemm);
                value = z;

                if (!linear)
                {
                    string a = last ? OutputName : prefix + ".a";
                    graph.Node.Add(ActivationNode(layer.Activation, prefix, z, a, tensors, graph));
                    value = a;
                }
            }

            var model = new ModelProto
            {
                IrVersion = IrVersion,
                ProducerName = "BackpropPS",
                ProducerVersion = typeof(Network).Assembly.GetName().Version.ToString(3),
                DocString = "A network exported by BackpropPS: " + network,
                Graph = graph,
            };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
            foreach (KeyValuePair<string, string> entry in OnnxMetadata.Describe(network))
                model.MetadataProps.Add(new StringStringEntryProto { Key = entry.Key, Value = entry.Value });
            return model;
        }

        private static NodeProto ActivationNode(Activation activation, string prefix, string z, string a, TensorWriter tensors, GraphProto graph)
        {
            if (activation == Activation.LeakyReLU && tensors.Precision == Precision.Double)
            {
                // LeakyRelu's slope is a float32 attribute (0.00999999977648258); PRelu takes it as a tensor, 0.01 exactly.
                graph.Initializer.Add(tensors.Vector(prefix + ".slope", new[] { Activations.LeakySlope }, prefix + " slope"));
                return Node("PRelu", prefix + ".PRelu", new[] { z, prefix + ".slope" }, a);
            }
            string op = OpOf(activation);
            NodeProto node = Node(op, prefix + "." + op, new[] { z }, a);
            if (activation == Activation.LeakyReLU)
                node.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = (float)Activations.LeakySlope });
            if (activation == Activation.Softmax)
                node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = -1 });
            return node;
        }

        /// <summary>The ONNX operator of an activation (Linear has none).</summary>
        internal static string OpOf(Activation activation)
        {
            switch (activation)
            {
                case Activation.Sigmoid: return "Sigmoid";
                case Activation.Tanh: return "Tanh";
                case Activation.ReLU: return "Relu";
                case Activation.LeakyReLU: return "LeakyRelu";
                case Activation.Softmax: return "Softmax";
                default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Linear has no operator.");
            }
        }

        private static NodeProto Node(string op, string name, IEnumerable<string> inputs, string output)
        {
            var node = new NodeProto { OpType = op, Name = name };
            node.Input.AddRange(inputs);
            node.Output.Add(output);
            return node;
        }

        private static ValueInfoProto ValueInfo(string name, int elementType, int width, string doc)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
            var info = new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = shape } },
            };
            if (doc != null) info.DocString = doc;
            return info;
        }

        private static string InputDoc(DataSchema schema)
        {
            if (schema == null || (schema.InputColumns.Count == 0 && schema.Scaling == null)) return null;
            string columns = schema.InputColumns.Count > 0 ? string.Join(", ", schema.InputColumns) : "the inputs";
            return columns + (schema.Scaling != null ? ", as raw values: the model standardises them" : "");
        }

        private static string OutputDoc(DataSchema schema) =>
            schema == null ? null
            : schema.IsClassifier ? "probabilities of " + string.Join(", ", schema.ClassLabels)
            : schema.TargetColumns.Count > 0 ? string.Join(", ", schema.TargetColumns)
            : null;

        // Initializers in the chosen precision; a value a float32 cannot hold is refused, never written as infinity.
        private sealed class TensorWriter
        {
            private readonly Precision _precision;

            public TensorWriter(Precision precision) => _precision = precision;

            public Precision Precision => _precision;

            public int ElementType => (int)(_precision == Precision.Single ? TensorProto.Types.DataType.Float : TensorProto.Types.DataType.Double);

            public TensorProto Matrix(string name, Matrix values, string what) => Tensor(name, values.ToArray(), what, values.Rows, values.Columns);

            public TensorProto Vector(string name, IReadOnlyList<double> values, string what) => Tensor(name, values.ToArray(), what, values.Count);

            private TensorProto Tensor(string name, double[] values, string what, params long[] dims)
            {
                var tensor = new TensorProto { Name = name, DataType = ElementType };
                tensor.Dims.AddRange(dims);
                for (int k = 0; k < values.Length; k++)
                {
                    double value = values[k];
                    if (double.IsNaN(value) || double.IsInfinity(value))
                        throw BackpropException.Argument("NonFiniteParameter", $"The network's {what} hold {Format(value)} (value {k + 1}); an ONNX model holds finite numbers only, so nothing was written.");
                    if (_precision == Precision.Single && float.IsInfinity((float)value))
                    {
                        throw BackpropException.Argument("PrecisionOverflow",
                            $"The network's {what} hold {Format(value)} (value {k + 1}), beyond what a float32 holds (about 3.4E+38); export it with -Precision Double.");
                    }
                }
                if (_precision == Precision.Single) tensor.FloatData.AddRange(values.Select(v => (float)v));
                else tensor.DoubleData.AddRange(values);
                return tensor;
            }

            private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
