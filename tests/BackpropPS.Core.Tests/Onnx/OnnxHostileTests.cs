using System;
using System.IO;
using System.Linq;
using BackpropPS.Core.Onnx;
using Google.Protobuf;
using Onnx;

namespace BackpropPS.Core.Tests.Onnx;

/// <summary>
/// Files that are not a network's, made on purpose: each is refused with its ErrorId and a message that names what
/// is wrong (the node and its operator, the tensor, the cap), and nothing but a BackpropException ever comes out,
/// whatever the bytes. Every case starts from a real exported model (input scaling, Gemm, Tanh, Gemm, Softmax).
/// </summary>
public class OnnxHostileTests
{
    private static ModelProto Valid()
    {
        Network network = TestNetworks.Random(new[] { 3, 4, 2 }, new[] { Activation.Tanh, Activation.Softmax }, BiasMode.PerNeuron, seed: 2, standardize: true);
        return ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(network));
    }

    private static NodeProto Node(ModelProto model, string name) => model.Graph.Node.Single(n => n.Name == name);

    private static TensorProto Weight(ModelProto model, string name) => model.Graph.Initializer.Single(t => t.Name == name);

    private static NodeProto NewNode(string op, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    // Each case: what it is, what it does to the valid model, the ErrorId, and words the message must hold.
    private static readonly (string Case, Action<ModelProto> Mutate, string ErrorId, string Says)[] Cases =
    {
        ("an unknown operator", m => Node(m, "layer1.Tanh").OpType = "Conv", "UnsupportedOnnxOperator", "node 'layer1.Tanh' (Conv)"),
        ("an operator of another domain", m => Node(m, "layer1.Gemm").Domain = "com.microsoft", "UnsupportedOnnxOperator", "(com.microsoft.Gemm)"),
        ("a branch", m => m.Graph.Node.Add(NewNode("Relu", "extra", new[] { "layer1.z" }, "dead")), "UnsupportedOnnxGraph", "a branch"),
        ("a value read twice", m => Node(m, "layer2.Gemm").Input[1] = "layer1.z", "UnsupportedOnnxGraph", "a branch"),
        ("weights a node computes", m =>
        {
            m.Graph.Node.Add(new NodeProto { OpType = "Constant", Name = "const", Output = { "made" } });
            Node(m, "layer2.Gemm").Input[1] = "made";
        }, "UnsupportedOnnxGraph", "takes its weights from 'made', a value the graph computes"),
        ("a cycle off the path", m =>
        {
            m.Graph.Node.Add(NewNode("Relu", "loop.a", new[] { "loop.2" }, "loop.1"));
            m.Graph.Node.Add(NewNode("Relu", "loop.b", new[] { "loop.1" }, "loop.2"));
        }, "UnsupportedOnnxGraph", "a cycle"),
        ("a node that makes the input again", m => Node(m, "layer1.Tanh").Output[0] = "input", "UnsupportedOnnxGraph", "which the model already has"),
        ("a value made twice", m => Node(m, "layer1.Tanh").Output[0] = "layer1.z", "UnsupportedOnnxGraph", "which the model already has"),
        ("a missing initializer", m => m.Graph.Initializer.Remove(Weight(m, "layer1.weight")), "OnnxInitializerNotFound", "node 'layer1.Gemm' (Gemm) reads 'layer1.weight'"),
        ("two initializers of one name", m => m.Graph.Initializer.Add(Weight(m, "layer1.weight").Clone()), "InvalidOnnxFile", "two initializers named 'layer1.weight'"),
        ("a node off the path", m => m.Graph.Node.Add(NewNode("Relu", "stray", new[] { "layer2.weight" }, "nowhere")), "UnsupportedOnnxGraph", "node 'stray' (Relu) is not on the path"),
        ("two inputs", m => m.Graph.Input.Add(new ValueInfoProto { Name = "second", Type = m.Graph.Input[0].Type }), "UnsupportedOnnxGraph", "2 inputs ('input', 'second')"),
        ("no output", m => m.Graph.Output.Clear(), "UnsupportedOnnxGraph", "0 outputs"),
        ("the output leads nowhere", m => m.Graph.Output[0].Name = "layer1.a", "UnsupportedOnnxGraph", "its output 'layer1.a' is also read"),
        ("an int64 input", m => m.Graph.Input[0].Type.TensorType.ElemType = (int)TensorProto.Types.DataType.Int64, "UnsupportedOnnxShape", "its values are int64"),
        ("a string input", m => m.Graph.Input[0].Type.TensorType.ElemType = (int)TensorProto.Types.DataType.String, "UnsupportedOnnxShape", "its values are string"),
        ("a sequence input", m => m.Graph.Input[0].Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence() }, "UnsupportedOnnxShape", "not a tensor"),
        ("a huge input dimension", m => m.Graph.Input[0].Type.TensorType.Shape.Dim[1].DimValue = 1L << 62, "UnsupportedOnnxShape", "4,611,686,018,427,387,904"),
        ("an input of rank 3 into Gemm", m => m.Graph.Input[0].Type.TensorType.Shape.Dim.Insert(0, new TensorShapeProto.Types.Dimension { DimValue = 1 }), "UnsupportedOnnxShape", "rank 3"),
        ("an int64 initializer", m =>
        {
            TensorProto w = Weight(m, "layer1.weight");
            w.DataType = (int)TensorProto.Types.DataType.Int64;
            w.Int64Data.AddRange(w.DoubleData.Select(v => (long)v));
            w.DoubleData.Clear();
        }, "InvalidOnnxTensor", "'layer1.weight' cannot be read: its values are int64"),
        ("an unknown element type", m => Weight(m, "layer1.weight").DataType = 99, "InvalidOnnxTensor", "the unknown type 99"),
        ("huge dims", m => { TensorProto w = Weight(m, "layer1.weight"); w.Dims.Clear(); w.Dims.Add(1L << 40); w.Dims.Add(1L << 40); }, "OnnxTensorTooLarge", "MaxTensorValues"),
        ("a 2 GB declared tensor", m => { TensorProto w = Weight(m, "layer1.weight"); w.Dims.Clear(); w.Dims.Add(1L << 28); }, "OnnxTensorTooLarge", "[268435456]"),
        ("dims that overflow a long", m => { TensorProto w = Weight(m, "layer1.weight"); w.Dims.Clear(); w.Dims.AddRange(Enumerable.Repeat(long.MaxValue, 3)); }, "OnnxTensorTooLarge", "MaxTensorValues"),
        ("more values declared than held", m => { TensorProto w = Weight(m, "layer1.weight"); w.Dims.Clear(); w.Dims.Add(1 << 20); }, "InvalidOnnxTensor", "declares 1,048,576 values but it holds 12"),
        ("a negative dimension", m => Weight(m, "layer1.weight").Dims[0] = -4, "InvalidOnnxTensor", "negative dimension"),
        ("raw data of a partial value", m =>
        {
            TensorProto w = Weight(m, "layer1.weight");
            w.RawData = ByteString.CopyFrom(new byte[12 * 8 + 3]);
            w.DoubleData.Clear();
        }, "InvalidOnnxTensor", "a partial value"),
        ("external data", m => Weight(m, "layer1.weight").DataLocation = TensorProto.Types.DataLocation.External, "InvalidOnnxTensor", "external data"),
        ("a segment", m => Weight(m, "layer1.weight").Segment = new TensorProto.Types.Segment { Begin = 0, End = 4 }, "InvalidOnnxTensor", "a segment"),
        ("a NaN weight", m => Weight(m, "layer2.weight").DoubleData[3] = double.NaN, "InvalidOnnxTensor", "value 4 is NaN"),
        ("an infinite bias", m => Weight(m, "layer1.bias").DoubleData[0] = double.PositiveInfinity, "InvalidOnnxTensor", "Infinity"),
        ("a zero scale", m => Weight(m, "scaling.scale").DoubleData[1] = 0, "InvalidOnnxTensor", "not positive"),
        ("layers that do not fit", m => { TensorProto w = Weight(m, "layer2.weight"); w.Dims[1] = 3; w.DoubleData.RemoveAt(0); w.DoubleData.RemoveAt(0); }, "UnsupportedOnnxShape", "takes 3 values per sample; the layer before"),
        ("a bias of the wrong shape", m => Weight(m, "layer1.bias").Dims[0] = 2, "InvalidOnnxTensor", "declares 2 values but it holds 4"),
        ("a bias of another width", m => { TensorProto b = Weight(m, "layer1.bias"); b.Dims[0] = 3; b.DoubleData.RemoveAt(3); }, "UnsupportedOnnxShape", "[3]"),
        ("a transB of the wrong type", m => Node(m, "layer1.Gemm").Attribute[0] = new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Float, F = 1 }, "UnsupportedOnnxAttribute", "'transB' is of the type float"),
        ("a transposed input", m => Node(m, "layer1.Gemm").Attribute.Add(new AttributeProto { Name = "transA", Type = AttributeProto.Types.AttributeType.Int, I = 1 }), "UnsupportedOnnxAttribute", "transA"),
        ("a Gemm alpha of 2", m => Node(m, "layer2.Gemm").Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 2 }), "UnsupportedOnnxAttribute", "alpha = beta = 1"),
        ("an unknown attribute", m => Node(m, "layer1.Tanh").Attribute.Add(new AttributeProto { Name = "beta", Type = AttributeProto.Types.AttributeType.Float, F = 2 }), "UnsupportedOnnxAttribute", "'beta'"),
        ("a LeakyRelu of slope 0.2", m =>
        {
            NodeProto n = Node(m, "layer1.Tanh");
            n.OpType = "LeakyRelu";
            n.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 0.2f });
        }, "UnsupportedOnnxAttribute", "0.2"),
        ("a Softmax over the samples", m => Node(m, "layer2.Softmax").Attribute[0].I = 0, "UnsupportedOnnxAttribute", "its axis is 0"),
        ("two activations in a row", m =>
        {
            Node(m, "layer1.Tanh").Output[0] = "twice";
            m.Graph.Node.Add(NewNode("Sigmoid", "again", new[] { "twice" }, "layer1.a"));
        }, "UnsupportedOnnxGraph", "follows Tanh"),
        ("a Gemm without bias", m => // a layer without bias is a network's, once the metadata does not say otherwise
        {
            Node(m, "layer1.Gemm").Input.RemoveAt(2);
            m.MetadataProps.Remove(m.MetadataProps.Single(p => p.Key == OnnxMetadata.BiasModes));
        }, null, null),
        ("a Gemm without bias said to have one", m => Node(m, "layer1.Gemm").Input.RemoveAt(2), "InvalidOnnxMetadata", "which has no bias"),
        ("a Gemm of four inputs", m => Node(m, "layer1.Gemm").Input.Add("layer1.bias"), "InvalidOnnxFile", "4 inputs; Gemm takes 2 or 3"),
        ("scaling after a layer", m =>
        {
            Node(m, "layer1.Tanh").Output[0] = "late";
            m.Graph.Node.Add(NewNode("Sub", "late.Sub", new[] { "late", "layer1.bias" }, "layer1.a"));
        }, "UnsupportedOnnxGraph", "comes after a layer"),
        ("a weight times the value", m => { NodeProto n = Node(m, "layer1.Gemm"); (n.Input[0], n.Input[1]) = (n.Input[1], n.Input[0]); }, "UnsupportedOnnxGraph", "as its second operand"),
        ("no graph", m => m.Graph = null, "InvalidOnnxFile", "no graph"),
        ("no layer", m =>
        {
            m.Graph.Node.Clear();
            m.Graph.Node.Add(NewNode("Identity", "only", new[] { "input" }, "output"));
        }, "UnsupportedOnnxGraph", "no layer"),
        ("no opset", m => m.OpsetImport.Clear(), "InvalidOnnxFile", "0 times"),
        ("opset 5", m => m.OpsetImport[0].Version = 5, "UnsupportedOnnxOpset", "opset 5"),
        ("opset 99", m => m.OpsetImport[0].Version = 99, "UnsupportedOnnxOpset", "opsets 7 to 28"),
        ("too many nodes", m =>
        {
            NodeProto last = Node(m, "layer2.Softmax");
            last.Output[0] = "chain0";
            for (int k = 0; k < OnnxLimits.MaxNodes; k++) m.Graph.Node.Add(NewNode("Identity", "id" + k, new[] { "chain" + k }, k == OnnxLimits.MaxNodes - 1 ? "output" : "chain" + (k + 1)));
        }, "OnnxGraphTooLarge", "MaxNodes"),
        ("a Shared bias whose values differ", m => m.MetadataProps.Single(p => p.Key == OnnxMetadata.BiasModes).Value = """["Shared","PerNeuron"]""", "InvalidOnnxMetadata", "Shared only where"),
        ("bias modes that are not JSON", m => m.MetadataProps.Single(p => p.Key == OnnxMetadata.BiasModes).Value = "PerNeuron, PerNeuron", "InvalidOnnxMetadata", OnnxMetadata.BiasModes),
        ("a bias mode by number", m => m.MetadataProps.Single(p => p.Key == OnnxMetadata.BiasModes).Value = """["0","PerNeuron"]""", "InvalidOnnxMetadata", "PerNeuron, Shared or None"),
        ("labels that do not fit the outputs", m => m.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadata.ClassLabels, Value = """["a","b","c"]""" }), "InvalidOnnxMetadata", "3 class labels"),
        ("a label twice", m => m.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadata.ClassLabels, Value = """["a","a"]""" }), "InvalidOnnxMetadata", "'a'"),
        ("a metadata key twice", m => m.MetadataProps.Add(m.MetadataProps[0].Clone()), "InvalidOnnxMetadata", "two"),
        ("a name with control characters", m => { Node(m, "layer1.Tanh").OpType = "Conv"; Node(m, "layer1.Gemm").Name = "evil\u001b[2J" + new string('x', 500); }, "UnsupportedOnnxOperator", "node 'layer1.Tanh'"),
        ("a long control-character operator", m => Node(m, "layer1.Tanh").OpType = "\u001b[31m" + new string('y', 500), "UnsupportedOnnxOperator", "`u{1B}[31myyy"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c.Case));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void AHostileModelIsRefusedCleanly(string name)
    {
        var c = Cases.Single(x => x.Case == name);
        ModelProto model = Valid();
        c.Mutate(model);
        byte[] bytes = model.ToByteArray();
        if (c.ErrorId == null)
        {
            Assert.NotNull(OnnxImport.FromBytes(bytes));
            return;
        }
        BackpropException e = Errors.Fails(() => OnnxImport.FromBytes(bytes, "hostile.onnx"));
        Assert.True(c.ErrorId == e.ErrorId, $"{e.ErrorId}: {e.Message}");
        Assert.True(e.Message.Contains(c.Says, StringComparison.Ordinal), e.Message);
        Assert.StartsWith("hostile.onnx", e.Message);
        Assert.False(e.Message.Contains('\u001b', StringComparison.Ordinal), e.Message);
        Assert.True(e.Message.Length < 1000, e.Message);
    }

    [Fact]
    public void EveryTruncationIsRefusedOrAWholeNetwork()
    {
        byte[] bytes = Valid().ToByteArray();
        int refused = 0;
        for (int length = 0; length < bytes.Length; length++)
        {
            try
            {
                OnnxImport.FromBytes(bytes.Take(length).ToArray());
            }
            catch (BackpropException e)
            {
                Assert.Contains(e.ErrorId, new[] { "InvalidOnnxFile", "UnsupportedOnnxGraph", "OnnxInitializerNotFound", "UnsupportedOnnxShape", "InvalidOnnxTensor", "InvalidOnnxMetadata", "UnsupportedOnnxOpset" });
                refused++;
            }
        }
        // Only a cut after the graph and the opset, inside the trailing metadata, can leave a network.
        Assert.True(refused > bytes.Length * 9 / 10, $"{refused} of {bytes.Length} truncations refused");
        Assert.Equal("InvalidOnnxFile", Errors.Fails(() => OnnxImport.FromBytes(bytes.Take(bytes.Length / 2).ToArray())).ErrorId);
    }

    [Fact]
    public void RandomDamageGivesANetworkOrABackpropExceptionAndNothingElse()
    {
        byte[] valid = Valid().ToByteArray();
        var random = new Random(22);
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] bytes = (byte[])valid.Clone();
            for (int k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try
            {
                OnnxImport.FromBytes(bytes);
            }
            catch (BackpropException)
            {
            }
        }
    }

    [Theory]
    [InlineData(new byte[0], "no graph")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, "not a valid model message")]
    [InlineData(new byte[] { 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }, "not a valid model message")] // a graph of 2 GB declared, absent
    public void BytesThatAreNoModelAreRefused(byte[] bytes, string says)
    {
        BackpropException e = Errors.Fails(() => OnnxImport.FromBytes(bytes, "bad.onnx"));
        Assert.Equal("InvalidOnnxFile", e.ErrorId);
        Assert.Contains(says, e.Message);
    }

    [Fact]
    public void ANetworkFileIsNoModel()
    {
        byte[] json = System.Text.Encoding.UTF8.GetBytes(NetworkJson.Serialize(NetworkFactory.StepByStep()));
        Assert.Equal("InvalidOnnxFile", Errors.Fails(() => OnnxImport.FromBytes(json, "net.json")).ErrorId);
    }

    [Fact]
    public void GraphsNestedTooDeeplyAreRefused()
    {
        // A subgraph in an attribute, 200 deep: protobuf's recursion limit (100) stops the parse.
        var graph = new GraphProto { Name = "innermost" };
        for (int depth = 0; depth < 200; depth++)
        {
            var node = new NodeProto { OpType = "If", Name = "nest" + depth };
            node.Attribute.Add(new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = graph });
            graph = new GraphProto { Name = "level" + depth };
            graph.Node.Add(node);
        }
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        BackpropException e = Errors.Fails(() => OnnxImport.FromBytes(model.ToByteArray()));
        Assert.Equal("InvalidOnnxFile", e.ErrorId);
    }

    [Fact]
    public void AFileBeyondTheCapIsRefusedBeforeItIsRead()
    {
        BackpropException e = Errors.Fails(() => OnnxImport.Read(new ClaimedLengthStream(OnnxLimits.MaxFileBytes + 1), "big.onnx"));
        Assert.Equal("OnnxFileTooLarge", e.ErrorId);
        Assert.Equal(BackpropErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains("256 MB", e.Message);
    }

    [Fact]
    public void AnEndlessStreamIsCutAtTheCap()
    {
        BackpropException e = Errors.Fails(() => OnnxImport.Read(new EndlessStream(), "endless"));
        Assert.Equal("OnnxFileTooLarge", e.ErrorId);
    }

    // Says it is huge and holds nothing: the cap is checked against the length before a byte is read.
    private sealed class ClaimedLengthStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read before the length was checked");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    // A pipe that never ends: no length to check, so the read itself stops at the cap.
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => count;
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
