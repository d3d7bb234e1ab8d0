using System.Globalization;
using BackpropPS.Core.Explain;

namespace BackpropPS.Core.Pictures
{
    /// <summary>What a node of a <see cref="Diagram"/> stands for.</summary>
    public enum DiagramNodeKind
    {
        /// <summary>An input of the network (x1, x2, ...).</summary>
        Input,
        /// <summary>A neuron of a layer (h1, o1, ...).</summary>
        Neuron,
        /// <summary>A bias shared by a layer's neurons, drawn as its own node as in the classic diagram.</summary>
        Bias,
    }

    /// <summary>A node of a network diagram, placed in a column (0 = inputs, then each layer) and a row.</summary>
    public sealed class DiagramNode
    {
        internal DiagramNode(string id, DiagramNodeKind kind, int column, int row, string label, string detail, string tooltip)
        {
            Id = id; Kind = kind; Column = column; Row = row; Label = label; Detail = detail; Tooltip = tooltip;
        }

        /// <summary>A unique name such as x1, h2, o1 or b1.</summary>
        public string Id { get; }
        /// <summary>Input, neuron or shared bias.</summary>
        public DiagramNodeKind Kind { get; }
        /// <summary>0 for the inputs, then the layer (from 1).</summary>
        public int Column { get; }
        /// <summary>The position in the column, from 0 at the top.</summary>
        public int Row { get; }
        /// <summary>The text in the node.</summary>
        public string Label { get; }
        /// <summary>Values shown beside the node (empty when there are none or too many nodes to show them).</summary>
        public string Detail { get; }
        /// <summary>Every value in full, for a tooltip.</summary>
        public string Tooltip { get; }
    }

    /// <summary>A weighted connection (or a shared bias's link) from one node to a neuron.</summary>
    public sealed class DiagramEdge
    {
        internal DiagramEdge(string from, string to, bool isBias, string parameter, string label, string tooltip, double value)
        {
            From = from; To = to; IsBias = isBias; Parameter = parameter; Label = label; Tooltip = tooltip; Value = value;
        }

        /// <summary>The source node's id.</summary>
        public string From { get; }
        /// <summary>The target node's id.</summary>
        public string To { get; }
        /// <summary>True for the link from a shared bias node; false for a weight.</summary>
        public bool IsBias { get; }
        /// <summary>The parameter's seed-style name.</summary>
        public string Parameter { get; }
        /// <summary>The text on the edge (empty when there are too many edges to label).</summary>
        public string Label { get; }
        /// <summary>Every value in full, for a tooltip.</summary>
        public string Tooltip { get; }
        /// <summary>The number the edge's colour (sign) and width (size) show.</summary>
        public double Value { get; }
    }

    /// <summary>
    /// The classic picture of a network: inputs, neurons and shared biases as nodes in columns, weights as edges.
    /// Of a network it shows the weights; of a gradient, the gradients; of a training step, old -> new.
    /// The writers (<see cref="SvgDiagram"/>, <see cref="DotDiagram"/>) turn it into text.
    /// </summary>
    public sealed class Diagram
    {
        /// <summary>Values are written beside the nodes only when no column has more nodes than this; tooltips always have them.</summary>
        public const int MaxNodesForValues = 8;

        /// <summary>Values are written on the edges only when no layer has more inputs or neurons than this: beyond it they overlap.</summary>
        public const int MaxLayerSizeForEdgeValues = 4;

        /// <summary>
        /// The most nodes a column may have: at 110 pixels a row, a thousand already make a picture 110,000
        /// pixels tall. Larger networks are refused (DiagramTooLarge) rather than drawn for minutes.
        /// </summary>
        public const int MaxNodesInColumn = 1000;

        /// <summary>The most connections (weights and shared-bias links) a diagram may have: 30,000 make an SVG of about 8 MB.</summary>
        public const int MaxConnections = 30000;

        private Diagram(string title, string legend, int columns, List<DiagramNode> nodes, List<DiagramEdge> edges)
        {
            Title = title; Legend = legend; Columns = columns; Nodes = nodes; Edges = edges;
        }

        /// <summary>The caption.</summary>
        public string Title { get; }

        /// <summary>What the edges' colours and widths mean.</summary>
        public string Legend { get; }
        /// <summary>Number of columns: the inputs and one per layer.</summary>
        public int Columns { get; }
        /// <summary>The nodes, column by column.</summary>
        public IReadOnlyList<DiagramNode> Nodes { get; }
        /// <summary>The edges: per layer, the weights in the seed's order, then the shared bias's links.</summary>
        public IReadOnlyList<DiagramEdge> Edges { get; }

        /// <summary>A network with its weights and biases.</summary>
        public static Diagram Of(Network network) =>
            Build(network, $"Network {network.Shape}: weights", $"{PictureColours.PositiveName}: positive weight, {PictureColours.NegativeName}: negative, thicker: larger", p => p.ValueIn(network),
                p => $"{p.Name} = {Short(p.ValueIn(network))}",
                p => $"{p.Name} = {Full(p.ValueIn(network))}", null, null);

        /// <summary>A gradient: dE/dparameter on every edge; with one sample, each neuron's activation and delta too.</summary>
        public static Diagram Of(Gradient gradient) =>
            Build(gradient.Network, $"Network {gradient.Network.Shape}: gradients dE/dparameter ({gradient.LossFunction} loss {Short(gradient.Loss)})",
                $"{PictureColours.PositiveName}: positive gradient (a step lowers the parameter), {PictureColours.NegativeName}: negative (a step raises it), thicker: larger",
                p => p.GradientIn(gradient),
                p => $"dE/d{p.Name} = {Short(p.GradientIn(gradient))}",
                p => $"{p.Name} = {Full(p.ValueIn(gradient.Network))}, dE/d{p.Name} = {Full(p.GradientIn(gradient))}",
                gradient.Forward, gradient);

        /// <summary>A training step: old -> new on every edge, coloured by the change; with one sample, activations and deltas too.</summary>
        public static Diagram Of(TrainingStep step) =>
            Build(step.Before, $"Network {step.Before.Shape}: one step, learning rate {Short(step.LearningRate)} ({step.LossFunction} loss {Short(step.Loss)})",
                $"old \u2192 new; {PictureColours.PositiveName}: raised, {PictureColours.NegativeName}: lowered, thicker: larger change",
                p => p.ValueIn(step.After) - p.ValueIn(step.Before),
                p => $"{p.Name}: {Short(p.ValueIn(step.Before))} \u2192 {Short(p.ValueIn(step.After))}",
                p => $"{p.Name}: {Full(p.ValueIn(step.Before))} -> {Full(p.ValueIn(step.After))} (dE/d{p.Name} = {Full(p.GradientIn(step.Gradient))})",
                step.Forward, step.Gradient);

        /// <summary>
        /// A worksheet (Teaching): the given numbers as <paramref name="label"/> and <paramref name="inputDetail"/> write
        /// them, and under each neuron the lines <paramref name="neuronDetail"/> gives (layer and neuron from 1), e.g. blanks.
        /// </summary>
        internal static Diagram Worksheet(Network network, string title, string legend, Func<ParameterId, string> label,
            Func<int, string> inputDetail, Func<int, int, IEnumerable<string>> neuronDetail) =>
            Build(network, title, legend, p => p.ValueIn(network), label, label, null, null, inputDetail, neuronDetail);

        private static Diagram Build(Network network, string title, string legend, Func<ParameterId, double> value,
            Func<ParameterId, string> label, Func<ParameterId, string> tooltip, ForwardPass forward, Gradient gradient,
            Func<int, string> inputDetail = null, Func<int, int, IEnumerable<string>> neuronDetail = null)
        {
            int columns = network.Layers.Count + 1;
            int tallest = Enumerable.Range(0, columns).Max(c => NodeCount(network, c));
            EnsureReadable(network, tallest);
            bool showValues = tallest <= MaxNodesForValues;
            bool edgeValues = network.Layers.All(l => l.InputSize <= MaxLayerSizeForEdgeValues && l.OutputSize <= MaxLayerSizeForEdgeValues);
            // Activations and deltas belong to one sample; a batch has one of each per sample, so none are shown.
            bool oneSample = forward != null && forward.SampleCount == 1;
            var parameters = ParameterId.All(network).ToList();
            var nodes = new List<DiagramNode>();
            var edges = new List<DiagramEdge>();

            for (int i = 1; i <= network.InputSize; i++)
            {
                string detail = inputDetail != null ? inputDetail(i) : oneSample ? $"x = {Short(forward.Input[0, i - 1])}" : "";
                string tip = inputDetail != null ? $"{NeuronNames.Input(i)}: {detail}"
                    : oneSample ? $"{NeuronNames.Input(i)} = {Full(forward.Input[0, i - 1])}" : NeuronNames.Input(i);
                nodes.Add(new DiagramNode(NeuronNames.Input(i), DiagramNodeKind.Input, 0, i - 1, NeuronNames.Input(i), showValues ? detail : "", tip));
            }

            for (int l = 1; l < columns; l++)
            {
                Layer layer = network.Layers[l - 1];
                var layerParameters = parameters.Where(p => p.Layer == l).ToList();
                for (int j = 1; j <= layer.OutputSize; j++)
                {
                    string id = NeuronNames.Neuron(network, l, j);
                    var details = new List<string>();
                    var tips = new List<string> { $"{id}: {layer.Activation}" };
                    ParameterId bias = layerParameters.FirstOrDefault(p => p.Kind == ParameterKind.Bias && p.To == j);
                    if (bias != null) { details.Add(label(bias)); tips.Add(tooltip(bias)); }
                    if (oneSample)
                    {
                        details.Add($"a = {Short(forward.A[l - 1][0, j - 1])}");
                        tips.Add($"z = {Full(forward.Z[l - 1][0, j - 1])}, a = {Full(forward.A[l - 1][0, j - 1])}");
                        if (gradient != null)
                        {
                            details.Add($"delta = {Short(gradient.Delta[l - 1][0, j - 1])}");
                            tips.Add($"delta = dE/dz = {Full(gradient.Delta[l - 1][0, j - 1])}");
                        }
                    }
                    if (neuronDetail != null)
                    {
                        var lines = neuronDetail(l, j).ToList();
                        details.AddRange(lines);
                        tips.AddRange(lines);
                    }
                    nodes.Add(new DiagramNode(id, DiagramNodeKind.Neuron, l, j - 1, id, showValues ? string.Join("\n", details) : "", string.Join("\n", tips)));
                }
                foreach (ParameterId p in layerParameters.Where(p => p.Kind == ParameterKind.Weight))
                {
                    edges.Add(new DiagramEdge(NeuronNames.Node(network, l - 1, p.From.Value), NeuronNames.Neuron(network, l, p.To.Value),
                        false, p.Name, edgeValues ? label(p) : "", tooltip(p), value(p)));
                }
                ParameterId shared = layerParameters.FirstOrDefault(p => p.Kind == ParameterKind.Bias && !p.To.HasValue);
                if (shared != null)
                {
                    // The classic diagram puts a layer's shared bias under the column that feeds the layer.
                    nodes.Add(new DiagramNode(shared.Name, DiagramNodeKind.Bias, l - 1, NodeCount(network, l - 1) - 1,
                        showValues ? label(shared) : shared.Name, "", tooltip(shared)));
                    for (int j = 1; j <= layer.OutputSize; j++)
                        edges.Add(new DiagramEdge(shared.Name, NeuronNames.Neuron(network, l, j), true, shared.Name, "", tooltip(shared), value(shared)));
                }
            }
            return new Diagram(title, legend, columns, nodes.OrderBy(n => n.Column).ThenBy(n => n.Row).ToList(), edges);
        }

        // Checked before anything is built: a picture of 100,000 neurons takes minutes and shows nothing.
        private static void EnsureReadable(Network network, int tallest)
        {
            long connections = network.Layers.Sum(l => (long)l.InputSize * l.OutputSize + (l.BiasMode == BiasMode.Shared ? l.OutputSize : 0));
            if (tallest <= MaxNodesInColumn && connections <= MaxConnections) return;
            throw new BackpropException("DiagramTooLarge", BackpropErrorKind.LimitsExceeded,
                $"A diagram shows at most {Wording.Number(MaxNodesInColumn)} nodes in a column and {Wording.Number(MaxConnections)} connections; " +
                $"network {network.Shape} has {Wording.Number(tallest)} nodes in its tallest column and {Wording.Number(connections)} connections, " +
                "too many to read. Draw a smaller network, or look at the numbers with Get-BackpropParameter.");
        }

        // Nodes in a column: its inputs or neurons, plus the shared bias of the layer it feeds.
        private static int NodeCount(Network network, int column)
        {
            int count = column == 0 ? network.InputSize : network.Layers[column - 1].OutputSize;
            bool feedsSharedBias = column < network.Layers.Count && network.Layers[column].BiasMode == BiasMode.Shared;
            return count + (feedsSharedBias ? 1 : 0);
        }

        internal static string Short(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

        internal static string Full(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
