using System.Globalization;
using Onnx;

namespace BackpropPS.Core.Onnx
{
    /// <summary>Names from an ONNX file, as messages show them: control characters made visible, long ones cut.</summary>
    internal static class OnnxText
    {
        private const int MaxShown = 80;

        /// <summary>A name or an operator from the file, safe to print.</summary>
        public static string Name(string text)
        {
            string visible = Wording.Visible(text ?? "");
            return visible.Length <= MaxShown ? visible : visible.Substring(0, MaxShown) + "...";
        }

        /// <summary>"node '/0/Gemm' (Gemm)"; a node without a name is named by its place: "node 3 (Gemm)".</summary>
        public static string Node(NodeProto node, int index)
        {
            string op = string.IsNullOrEmpty(node.Domain) || node.Domain == "ai.onnx" ? Name(node.OpType) : Name(node.Domain) + "." + Name(node.OpType);
            string name = string.IsNullOrEmpty(node.Name) ? (index + 1).ToString(CultureInfo.InvariantCulture) : "'" + Name(node.Name) + "'";
            return $"node {name} ({op})";
        }
    }
}
