namespace BackpropPS
{
    /// <summary>The file format of Export-BackpropDiagram.</summary>
    public enum DiagramFormat
    {
        /// <summary>A standalone SVG picture that opens in a browser.</summary>
        Svg,
        /// <summary>Graphviz DOT text, for <c>dot -Tsvg</c> or <c>dot -Tpng</c>.</summary>
        Dot,
    }
}
