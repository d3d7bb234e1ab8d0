using Onnx;

namespace BackpropPS.Core.Onnx
{
    /// <summary>
    /// The nodes of a graph in the order a value flows through them, from the one input to the one output: the only
    /// graph a network of the module can be. Each node reads the value the one before made, and weights
    /// (initializers); a value read by two nodes (a branch), a node that reads two values (a join), a node off the path
    /// (a cycle, or a part that leads nowhere), or a weight that is not in the file are UnsupportedOnnxGraph and
    /// OnnxInitializerNotFound errors naming the node. Nodes are given out one by one, so that an operator the module
    /// does not know is named before what it does to the graph.
    /// </summary>
    internal sealed class OnnxChain
    {
        private readonly GraphProto _graph;
        private readonly string _source;
        private readonly HashSet<string> _initializers;
        private readonly Dictionary<string, int> _producers = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _consumers = new Dictionary<string, List<int>>(StringComparer.Ordinal);

        public OnnxChain(GraphProto graph, ISet<string> initializers, string source)
        {
            _graph = graph;
            _source = source;
            _initializers = new HashSet<string>(initializers, StringComparer.Ordinal);
            ValueInfoProto[] inputs = graph.Input.Where(i => !_initializers.Contains(i.Name)).ToArray();
            if (inputs.Length != 1)
                throw Graph($"the model takes {Wording.Count(inputs.Length, "input")}{Names(inputs)}; a network takes one (a row of input values per sample)");
            if (graph.Output.Count != 1)
                throw Graph($"the model gives {Wording.Count(graph.Output.Count, "output")}{Names(graph.Output)}; a network gives one");
            Input = inputs[0];
            Output = graph.Output[0];
            if (Input.Name == Output.Name) throw Graph($"its output is its input '{OnnxText.Name(Input.Name)}': there is no layer");

            for (int n = 0; n < graph.Node.Count; n++)
            {
                foreach (string output in graph.Node[n].Output.Where(o => o.Length > 0))
                {
                    if (output == Input.Name || _initializers.Contains(output) || _producers.ContainsKey(output))
                        throw Graph($"{OnnxText.Node(graph.Node[n], n)} makes the value '{OnnxText.Name(output)}', which the model already has; each value is made once");
                    _producers.Add(output, n);
                }
            }
            for (int n = 0; n < graph.Node.Count; n++)
            {
                foreach (string input in graph.Node[n].Input.Where(i => i.Length > 0 && !_initializers.Contains(i)).Distinct(StringComparer.Ordinal))
                {
                    if (input != Input.Name && !_producers.ContainsKey(input))
                    {
                        throw new BackpropException("OnnxInitializerNotFound", BackpropErrorKind.InvalidData,
                            $"{_source}: {OnnxText.Node(graph.Node[n], n)} reads '{OnnxText.Name(input)}', which is neither a weight (initializer) in the file nor a value another node makes.");
                    }
                    if (!_consumers.TryGetValue(input, out List<int> list)) _consumers.Add(input, list = new List<int>());
                    list.Add(n);
                }
            }
        }

        /// <summary>The graph's one input.</summary>
        public ValueInfoProto Input { get; }

        /// <summary>The graph's one output.</summary>
        public ValueInfoProto Output { get; }

        /// <summary>True when <paramref name="name"/> is a weight (an initializer) rather than a value flowing through.</summary>
        public bool IsWeight(string name) => _initializers.Contains(name);

        /// <summary>
        /// The nodes from input to output, each with its place in the file and the value it reads. Every node of the
        /// graph is on this path, or enumerating it throws.
        /// </summary>
        public IEnumerable<(NodeProto Node, int Index, string Value)> Nodes()
        {
            string value = Input.Name;
            var visited = new HashSet<int>();
            while (true)
            {
                _consumers.TryGetValue(value, out List<int> readers);
                int count = readers?.Count ?? 0;
                if (value == Output.Name)
                {
                    if (count > 0) throw Graph($"its output '{OnnxText.Name(value)}' is also read by {Describe(readers)}; a network's output is the end of the chain");
                    break;
                }
                if (count == 0)
                    throw Graph($"the value '{OnnxText.Name(value)}' leads nowhere: no node reads it and it is not the model's output '{OnnxText.Name(Output.Name)}'");
                if (count > 1)
                    throw Graph($"the value '{OnnxText.Name(value)}' is read by {Describe(readers)}: a branch; a network is one chain of layers");
                int n = readers[0];
                NodeProto node = _graph.Node[n];
                if (!visited.Add(n)) throw Graph($"{OnnxText.Node(node, n)} is reached twice: a cycle");
                yield return (node, n, value);

                string[] values = node.Input.Where(i => i.Length > 0 && !_initializers.Contains(i)).ToArray();
                if (values.Length > 1)
                    throw Graph($"{OnnxText.Node(node, n)} reads {values.Length} values ({string.Join(", ", values.Select(v => "'" + OnnxText.Name(v) + "'"))}): a join of branches; a network is one chain of layers");
                string[] outputs = node.Output.Where(o => o.Length > 0).ToArray();
                if (outputs.Length != 1)
                    throw Graph($"{OnnxText.Node(node, n)} makes {Wording.Count(outputs.Length, "value")}; each node of a network makes one");
                value = outputs[0];
            }
            int[] off = Enumerable.Range(0, _graph.Node.Count).Where(n => !visited.Contains(n)).ToArray();
            if (off.Length > 0)
            {
                throw Graph($"{OnnxText.Node(_graph.Node[off[0]], off[0])}{(off.Length > 1 ? $" and {Wording.Count(off.Length - 1, "other node")}" : "")} " +
                    $"{(off.Length > 1 ? "are" : "is")} not on the path from the input '{OnnxText.Name(Input.Name)}' to the output '{OnnxText.Name(Output.Name)}' (a cycle, or a part that leads nowhere); a network is one chain of layers");
            }
        }

        private string Describe(List<int> nodes) =>
            string.Join(" and ", nodes.Take(2).Select(n => OnnxText.Node(_graph.Node[n], n))) + (nodes.Count > 2 ? $" and {nodes.Count - 2} more" : "");

        private static string Names(IEnumerable<ValueInfoProto> values)
        {
            string[] names = values.Select(v => "'" + OnnxText.Name(v.Name) + "'").Take(4).ToArray();
            return names.Length == 0 ? "" : " (" + string.Join(", ", names) + (values.Count() > 4 ? ", ..." : "") + ")";
        }

        private BackpropException Graph(string problem) =>
            new BackpropException("UnsupportedOnnxGraph", BackpropErrorKind.InvalidData, $"{_source}: the graph is not a network's: {problem}.");
    }
}
