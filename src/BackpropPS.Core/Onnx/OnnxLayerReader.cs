using System.Globalization;
using BackpropPS.Core.Data;
using Onnx;

namespace BackpropPS.Core.Onnx
{
    /// <summary>
    /// Turns the nodes of an <see cref="OnnxChain"/>, in order, into the layers of a network: Sub and Div before the
    /// first layer are the input scaling; a Gemm, or a MatMul (then an Add for the bias), starts a layer; one activation
    /// may follow. Each node is checked as it comes: its operator, its attributes, its weights' shapes.
    /// </summary>
    internal sealed class OnnxLayerReader
    {
        private readonly OnnxChain _chain;
        private readonly IReadOnlyDictionary<string, TensorProto> _weights;
        private readonly int _opset;
        private readonly string _source;
        private readonly List<PendingLayer> _layers = new List<PendingLayer>();
        private readonly long? _inputWidth;
        private int? _rank;
        private OnnxTensor _mean, _scale;
        private string _meanNode, _scaleNode;

        public OnnxLayerReader(OnnxChain chain, IReadOnlyDictionary<string, TensorProto> weights, int opset, string source)
        {
            _chain = chain;
            _weights = weights;
            _opset = opset;
            _source = source;
            (_rank, _inputWidth) = Shape(chain.Input, "input");
        }

        /// <summary>Reads one node; <paramref name="value"/> is the value flowing into it.</summary>
        public void Read(NodeProto node, int index, string value)
        {
            string what = OnnxText.Node(node, index);
            if (!(node.Domain == "" || node.Domain == "ai.onnx") || !OnnxImport.Operators.Contains(node.OpType, StringComparer.Ordinal))
            {
                throw new BackpropException("UnsupportedOnnxOperator", BackpropErrorKind.InvalidData,
                    $"{_source}: {what} has no counterpart in a network of the module, which reads the operators {string.Join(", ", OnnxImport.Operators)} " +
                    "(Sub and Div only as the input scaling before the first layer): an nn.Sequential of Linear, Sigmoid, Tanh, ReLU, LeakyReLU and Softmax.");
            }
            switch (node.OpType)
            {
                case "Identity":
                    Inputs(node, what, 1, 1);
                    Attributes(node, what);
                    break;
                case "Sub":
                case "Div":
                    ReadScaling(node, what, value);
                    break;
                case "Gemm":
                    ReadGemm(node, what, value);
                    break;
                case "MatMul":
                    Inputs(node, what, 2, 2);
                    Attributes(node, what);
                    RequireValueFirst(node, what, value, "x W");
                    OnnxTensor b = Weight(node, what, node.Input[1], "weights");
                    if (b.Dims.Length != 2) throw Shape(what, $"its weights '{b.Name}' have the shape {b.Shape}; a layer's are a matrix [inputs, neurons]");
                    StartLayer(what, Transpose(b.Values, (int)b.Dims[0], (int)b.Dims[1]), (int)b.Dims[0], (int)b.Dims[1]);
                    break;
                case "Add":
                    ReadAdd(node, what, value);
                    break;
                default:
                    ReadActivation(node, what);
                    break;
            }
        }

        /// <summary>The network the nodes made, with the schema the metadata and the scaling describe.</summary>
        public Network Finish(IReadOnlyDictionary<string, string> metadata)
        {
            if (_layers.Count == 0) throw Graph("it has no layer (no Gemm or MatMul)");
            PendingLayer first = _layers[0], last = _layers[_layers.Count - 1];
            if (_inputWidth.HasValue && _inputWidth.Value != first.In)
                throw Shape($"the input '{OnnxText.Name(_chain.Input.Name)}'", $"it has {Wording.Number(_inputWidth.Value)} values per sample; the first layer ({first.Node}) takes {first.In}");
            (_, long? outputWidth) = Shape(_chain.Output, "output");
            if (outputWidth.HasValue && outputWidth.Value != last.Out)
                throw Shape($"the output '{OnnxText.Name(_chain.Output.Name)}'", $"it has {Wording.Number(outputWidth.Value)} values per sample; the last layer ({last.Node}) gives {last.Out}");

            InputScaling scaling = null;
            if (_mean != null || _scale != null)
            {
                double[] mean = _mean == null ? new double[first.In] : Widen(_mean, _meanNode, first.In);
                double[] scale = _scale == null ? Enumerable.Repeat(1.0, first.In).ToArray() : Widen(_scale, _scaleNode, first.In);
                scaling = new InputScaling(mean, scale);
            }
            string[] modes = OnnxMetadata.Strings(metadata, OnnxMetadata.BiasModes, _source);
            if (modes != null && modes.Length != _layers.Count)
                throw OnnxMetadata.Invalid(_source, OnnxMetadata.BiasModes, $"one bias mode per layer ({_layers.Count}); it names {modes.Length}");
            var layers = _layers.Select((layer, l) => layer.ToLayer(modes?[l], _source)).ToArray();
            try
            {
                return new Network(layers, OnnxMetadata.Schema(metadata, scaling, _source));
            }
            catch (BackpropException e) when (e.ErrorId != "InvalidOnnxMetadata")
            {
                throw OnnxMetadata.Invalid(_source, OnnxMetadata.ClassLabels, "labels and columns that fit the network's inputs and outputs: " + e.Message, e);
            }
        }

        private void ReadScaling(NodeProto node, string what, string value)
        {
            Inputs(node, what, 2, 2);
            Attributes(node, what);
            bool sub = node.OpType == "Sub";
            if (_layers.Count > 0)
                throw Graph($"{what} comes after a layer; the module reads Sub and Div only as the input scaling, (x - mean) / scale, before the first layer");
            if ((sub ? _mean : _scale) != null || (sub && _scale != null))
                throw Graph($"{what} repeats or reorders the input scaling; the module reads it as one Sub, then one Div: (x - mean) / scale");
            RequireValueFirst(node, what, value, sub ? "x - mean" : "x / scale");
            OnnxTensor tensor = Weight(node, what, node.Input[1], sub ? "mean" : "scale");
            if (tensor.Dims.Length > 2 || (tensor.Dims.Length == 2 && tensor.Dims[0] != 1))
                throw Shape(what, $"its {(sub ? "mean" : "scale")} '{tensor.Name}' has the shape {tensor.Shape}; the input scaling has one value per input, [inputs] or [1, inputs]");
            if (!sub && tensor.Values.Any(v => v <= 0))
                throw new BackpropException("InvalidOnnxTensor", BackpropErrorKind.InvalidData, $"{_source}: {what} divides by '{tensor.Name}', which holds a value that is not positive; the input scaling divides by positive scales.");
            _rank = Broadcast(_rank, tensor.Dims.Length);
            if (sub) { _mean = tensor; _meanNode = what; }
            else { _scale = tensor; _scaleNode = what; }
        }

        private void ReadGemm(NodeProto node, string what, string value)
        {
            Inputs(node, what, 2, 3);
            Dictionary<string, AttributeProto> attributes = Attributes(node, what, "alpha", "beta", "transA", "transB");
            RequireValueFirst(node, what, value, "x W^T + b");
            if (Float(attributes, "alpha", what, 1f) != 1f || Float(attributes, "beta", what, 1f) != 1f)
                throw Attribute(what, "alpha and beta scale the product and the bias; the module reads Gemm with alpha = beta = 1, as PyTorch writes it");
            if (Int(attributes, "transA", what, 0) != 0) throw Attribute(what, "transA = 1 transposes the input; the module reads rows of samples (transA = 0)");
            long transB = Int(attributes, "transB", what, 0);
            if (transB != 0 && transB != 1) throw Attribute(what, $"transB is {transB}; expected 0 or 1");
            if (_rank.HasValue && _rank.Value != 2) throw Shape(what, $"it reads a value of rank {_rank}; Gemm reads a matrix [samples, inputs]");
            OnnxTensor b = Weight(node, what, node.Input[1], "weights");
            if (b.Dims.Length != 2) throw Shape(what, $"its weights '{b.Name}' have the shape {b.Shape}; a layer's are a matrix");
            int rows = (int)b.Dims[0], columns = (int)b.Dims[1];
            if (transB == 1) StartLayer(what, b.Values, columns, rows);
            else StartLayer(what, Transpose(b.Values, rows, columns), rows, columns);
            _rank = 2;
            if (node.Input.Count == 3 && node.Input[2].Length > 0) SetBias(what, Weight(node, what, node.Input[2], "bias"));
        }

        private void ReadAdd(NodeProto node, string what, string value)
        {
            Inputs(node, what, 2, 2);
            Attributes(node, what);
            PendingLayer layer = _layers.LastOrDefault();
            if (layer == null || layer.Activation.HasValue || layer.Bias != null)
            {
                throw Graph($"{what} does not follow a MatMul or a Gemm without bias; the module reads Add only as a layer's bias, right after its product");
            }
            string bias = node.Input[0] == value ? node.Input[1] : node.Input[0];
            SetBias(what, Weight(node, what, bias, "bias"));
        }

        private void ReadActivation(NodeProto node, string what)
        {
            Inputs(node, what, node.OpType == "PRelu" ? 2 : 1, node.OpType == "PRelu" ? 2 : 1);
            PendingLayer layer = _layers.LastOrDefault();
            if (layer == null) throw Graph($"{what} comes before any layer; an activation follows a Gemm or a MatMul");
            if (layer.Activation.HasValue) throw Graph($"{what} follows {layer.Activation}; a layer has one activation");
            switch (node.OpType)
            {
                case "Sigmoid": Attributes(node, what); layer.Activation = Activation.Sigmoid; break;
                case "Tanh": Attributes(node, what); layer.Activation = Activation.Tanh; break;
                case "Relu": Attributes(node, what); layer.Activation = Activation.ReLU; break;
                case "LeakyRelu":
                    float alpha = Float(Attributes(node, what, "alpha"), "alpha", what, 0.01f);
                    if (alpha != (float)Activations.LeakySlope)
                        throw Attribute(what, $"its slope alpha is {alpha.ToString("R", CultureInfo.InvariantCulture)}; the module's LeakyReLU has the slope 0.01 (PyTorch's default)");
                    layer.Activation = Activation.LeakyReLU;
                    break;
                case "PRelu":
                    // LeakyReLU with its slope as a tensor: how the module writes it in float64, where 0.01 is exact.
                    Attributes(node, what);
                    OnnxTensor slope = Weight(node, what, node.Input[1], "slope");
                    if (slope.Values.Length == 0 || slope.Values.Any(v => v != Activations.LeakySlope && v != (float)Activations.LeakySlope))
                        throw Attribute(what, $"its slope '{slope.Name}' is not 0.01 for every neuron; the module's LeakyReLU has the slope 0.01 (PyTorch's default)");
                    if (slope.Dims.Length > 2 || (slope.Values.Length != 1 && slope.Values.Length != layer.Out))
                        throw Shape(what, $"its slope '{slope.Name}' has the shape {slope.Shape}; expected one value, or one per neuron");
                    layer.Activation = Activation.LeakyReLU;
                    break;
                case "Softmax":
                    // Before opset 13 the default axis was 1 and Softmax flattened from it; over the last axis both agree.
                    long axis = Int(Attributes(node, what, "axis"), "axis", what, _opset >= 13 ? -1 : 1);
                    if (!(axis == -1 || (_rank.HasValue && axis == _rank.Value - 1)))
                        throw Attribute(what, $"its axis is {axis}; the module's Softmax works over each sample's outputs, the last axis (-1{(_rank.HasValue ? $" or {_rank - 1}" : "")})");
                    layer.Activation = Activation.Softmax;
                    break;
            }
        }

        private void StartLayer(string what, double[] weights, int inputs, int neurons)
        {
            if (inputs < 1 || neurons < 1) throw Shape(what, "its weights have no inputs or no neurons");
            PendingLayer previous = _layers.LastOrDefault();
            if (previous != null && previous.Out != inputs)
                throw Shape(what, $"it takes {inputs} values per sample; the layer before ({previous.Node}) gives {previous.Out}");
            _layers.Add(new PendingLayer { Node = what, In = inputs, Out = neurons, Weights = weights });
        }

        private void SetBias(string what, OnnxTensor bias)
        {
            PendingLayer layer = _layers[_layers.Count - 1];
            bool scalar = bias.Values.Length == 1 && bias.Dims.All(d => d == 1);
            bool vector = bias.Values.Length == layer.Out && (bias.Dims.Length == 1 || (bias.Dims.Length == 2 && bias.Dims[0] == 1));
            if (!scalar && !vector)
                throw Shape(what, $"its bias '{bias.Name}' has the shape {bias.Shape}; a layer of {layer.Out} neurons has [{layer.Out}], [1, {layer.Out}] or one shared value");
            layer.Bias = bias.Values;
            _rank = Broadcast(_rank, bias.Dims.Length);
        }

        private void RequireValueFirst(NodeProto node, string what, string value, string form)
        {
            if (node.Input[0] != value)
                throw Graph($"{what} takes the flowing value '{OnnxText.Name(value)}' as its second operand; the module reads {form}, the value first");
        }

        private OnnxTensor Weight(NodeProto node, string what, string name, string role)
        {
            if (!_chain.IsWeight(name))
                throw Graph($"{what} takes its {role} from '{OnnxText.Name(name)}', a value the graph computes; the module reads {role} stored in the file (initializers)");
            return OnnxTensor.Read(_weights[name], _source);
        }

        private (int? Rank, long? Width) Shape(ValueInfoProto info, string role)
        {
            string what = $"the {role} '{OnnxText.Name(info.Name)}'";
            TypeProto.Types.Tensor tensor = info.Type?.TensorType;
            if (tensor == null) throw Shape(what, "it is not a tensor; a network's " + role + " is a tensor of numbers");
            if (tensor.ElemType != (int)TensorProto.Types.DataType.Float && tensor.ElemType != (int)TensorProto.Types.DataType.Double)
                throw Shape(what, $"its values are {OnnxTensor.TypeName(tensor.ElemType)}; a network's are float32 or float64");
            if (tensor.Shape == null) return (null, null);
            int rank = tensor.Shape.Dim.Count;
            if (rank == 0 || rank > OnnxLimits.MaxRank) throw Shape(what, $"it has rank {rank}; a network's {role} has 1 to {OnnxLimits.MaxRank} dimensions, the last one its values");
            TensorShapeProto.Types.Dimension lastDim = tensor.Shape.Dim[rank - 1];
            if (!lastDim.HasDimValue) return (rank, null);
            if (lastDim.DimValue < 1) throw Shape(what, $"its last dimension is {lastDim.DimValue}; a network's {role} has at least one value per sample");
            return (rank, lastDim.DimValue);
        }

        private static double[] Transpose(double[] values, int rows, int columns)
        {
            var result = new double[values.Length];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++) result[c * rows + r] = values[r * columns + c];
            }
            return result;
        }

        private double[] Widen(OnnxTensor tensor, string node, int inputs)
        {
            if (tensor.Values.Length == inputs) return tensor.Values;
            if (tensor.Values.Length == 1) return Enumerable.Repeat(tensor.Values[0], inputs).ToArray();
            throw Shape(node, $"'{tensor.Name}' holds {tensor.Values.Length} values; the first layer takes {inputs} inputs");
        }

        private static int? Broadcast(int? rank, int operandRank) => rank.HasValue ? Math.Max(rank.Value, operandRank) : (int?)null;

        private void Inputs(NodeProto node, string what, int min, int max)
        {
            if (node.Input.Count < min || node.Input.Count > max)
                throw OnnxImport.Invalid(_source, $"has {what} with {Wording.Count(node.Input.Count, "input")}; {node.OpType} takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} or {max}")}");
        }

        private Dictionary<string, AttributeProto> Attributes(NodeProto node, string what, params string[] known)
        {
            var attributes = new Dictionary<string, AttributeProto>(StringComparer.Ordinal);
            foreach (AttributeProto attribute in node.Attribute)
            {
                if (!known.Contains(attribute.Name, StringComparer.Ordinal))
                    throw Attribute(what, $"it has the attribute '{OnnxText.Name(attribute.Name)}', which the module does not read{(known.Length > 0 ? " (it reads " + string.Join(", ", known) + ")" : "")}");
                if (attributes.ContainsKey(attribute.Name)) throw Attribute(what, $"it has the attribute '{attribute.Name}' twice");
                attributes.Add(attribute.Name, attribute);
            }
            return attributes;
        }

        private float Float(Dictionary<string, AttributeProto> attributes, string name, string what, float fallback)
        {
            if (!attributes.TryGetValue(name, out AttributeProto a)) return fallback;
            if (a.Type == AttributeProto.Types.AttributeType.Float || (a.Type == AttributeProto.Types.AttributeType.Undefined && a.HasF)) return a.F;
            throw Attribute(what, $"its attribute '{name}' is {Kind(a)}; expected a float");
        }

        private long Int(Dictionary<string, AttributeProto> attributes, string name, string what, long fallback)
        {
            if (!attributes.TryGetValue(name, out AttributeProto a)) return fallback;
            if (a.Type == AttributeProto.Types.AttributeType.Int || (a.Type == AttributeProto.Types.AttributeType.Undefined && a.HasI)) return a.I;
            throw Attribute(what, $"its attribute '{name}' is {Kind(a)}; expected an integer");
        }

        private static string Kind(AttributeProto a) =>
            a.Type == AttributeProto.Types.AttributeType.Undefined ? "of no declared type" : "of the type " + a.Type.ToString().ToLowerInvariant();

        private BackpropException Graph(string problem) =>
            new BackpropException("UnsupportedOnnxGraph", BackpropErrorKind.InvalidData, $"{_source}: the graph is not a network's: {problem}.");

        private BackpropException Shape(string what, string problem) =>
            new BackpropException("UnsupportedOnnxShape", BackpropErrorKind.InvalidData, $"{_source}: {what} does not fit a network: {problem}.");

        private BackpropException Attribute(string what, string problem) =>
            new BackpropException("UnsupportedOnnxAttribute", BackpropErrorKind.InvalidData, $"{_source}: {what} cannot be read: {problem}.");

        // A layer as the nodes give it, before its bias mode is settled.
        private sealed class PendingLayer
        {
            public string Node;
            public int In, Out;
            public double[] Weights;
            public double[] Bias;
            public Activation? Activation;

            // No bias is None; one value for several neurons is Shared, as the file's broadcast says, or as the metadata does.
            public Layer ToLayer(string mode, string source)
            {
                BiasMode biasMode = Bias == null ? BiasMode.None : Bias.Length == 1 && Out > 1 ? BiasMode.Shared : BiasMode.PerNeuron;
                double[] biases = Bias ?? new double[0];
                if (mode != null)
                {
                    if (!Enum.TryParse(mode, out BiasMode named) || !Enum.IsDefined(typeof(BiasMode), named) || mode != named.ToString())
                        throw OnnxMetadata.Invalid(source, OnnxMetadata.BiasModes, "PerNeuron, Shared or None for each layer");
                    if (named == BiasMode.None && Bias != null)
                        throw OnnxMetadata.Invalid(source, OnnxMetadata.BiasModes, $"None only for a layer without bias; {Node} has one");
                    if (named != BiasMode.None && Bias == null)
                        throw OnnxMetadata.Invalid(source, OnnxMetadata.BiasModes, $"None for {Node}, which has no bias");
                    if (named == BiasMode.Shared && Bias.Any(b => b != Bias[0]))
                        throw OnnxMetadata.Invalid(source, OnnxMetadata.BiasModes, $"Shared only where every neuron has the same bias; {Node}'s differ");
                    if (named == BiasMode.Shared) biases = new[] { Bias[0] };
                    if (named == BiasMode.PerNeuron && Bias.Length == 1) biases = Enumerable.Repeat(Bias[0], Out).ToArray();
                    biasMode = named;
                }
                return new Layer(In, Out, Weights, biases, Activation ?? Core.Activation.Linear, biasMode);
            }
        }
    }
}
