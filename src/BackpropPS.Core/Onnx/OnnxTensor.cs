using System.Globalization;
using Onnx;

namespace BackpropPS.Core.Onnx
{
    /// <summary>
    /// One initializer read into doubles: float32 or float64, from its typed field or its raw little-endian bytes,
    /// with its dimensions checked against <see cref="OnnxLimits"/> and against the data it really holds before
    /// anything is allocated. Any other element type, data stored outside the file, or a value that is not finite is
    /// an error naming the tensor.
    /// </summary>
    internal sealed class OnnxTensor
    {
        private OnnxTensor(string name, long[] dims, double[] values)
        {
            Name = name;
            Dims = dims;
            Values = values;
        }

        /// <summary>The tensor's name in the graph.</summary>
        public string Name { get; }

        /// <summary>Its dimensions, outermost first (none for a scalar).</summary>
        public long[] Dims { get; }

        /// <summary>Its values, row-major.</summary>
        public double[] Values { get; }

        /// <summary>Its shape as ONNX tools print it: [8, 4], or [] for a scalar.</summary>
        public string Shape => Describe(Dims);

        /// <summary>"[8, 4]".</summary>
        public static string Describe(IEnumerable<long> dims) => "[" + string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

        /// <summary>Reads <paramref name="tensor"/>; <paramref name="source"/> (the file) is named in errors.</summary>
        public static OnnxTensor Read(TensorProto tensor, string source)
        {
            string name = OnnxText.Name(tensor.Name);
            if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
                throw Invalid(source, name, "its values are stored outside the model (external data); the module reads weights stored in the model file");
            if (tensor.Segment != null)
                throw Invalid(source, name, "it is a segment of a larger tensor; the module reads whole tensors");
            if (tensor.Dims.Count > OnnxLimits.MaxRank)
                throw Invalid(source, name, $"it has {tensor.Dims.Count} dimensions; the module reads at most {OnnxLimits.MaxRank}");

            long count = 1;
            foreach (long dim in tensor.Dims)
            {
                if (dim < 0) throw Invalid(source, name, $"its shape {Describe(tensor.Dims)} has a negative dimension");
                // Checked against the cap at every step, so that no product can overflow.
                count = dim == 0 ? 0 : count > OnnxLimits.MaxTensorValues / dim ? OnnxLimits.MaxTensorValues + 1 : count * dim;
                if (count > OnnxLimits.MaxTensorValues)
                {
                    throw new BackpropException("OnnxTensorTooLarge", BackpropErrorKind.LimitsExceeded,
                        $"{source}: the tensor '{name}' declares the shape {Describe(tensor.Dims)}, more than the {Wording.Number(OnnxLimits.MaxTensorValues)} values " +
                        "the module reads in one tensor (OnnxLimits.MaxTensorValues); no network of the module is that large.");
                }
            }

            double[] values;
            var type = (TensorProto.Types.DataType)tensor.DataType;
            if (type == TensorProto.Types.DataType.Float) values = Floats(tensor, count, source, name);
            else if (type == TensorProto.Types.DataType.Double) values = Doubles(tensor, count, source, name);
            else throw Invalid(source, name, $"its values are {TypeName(tensor.DataType)}; the module reads float32 and float64 weights");

            for (int k = 0; k < values.Length; k++)
            {
                if (double.IsNaN(values[k]) || double.IsInfinity(values[k]))
                    throw Invalid(source, name, $"value {k + 1} is {values[k].ToString(CultureInfo.InvariantCulture)}; weights must be finite numbers");
            }
            return new OnnxTensor(name, tensor.Dims.ToArray(), values);
        }

        /// <summary>An element type as ONNX names it: "float32", "int64", or its number when ONNX has no such type.</summary>
        public static string TypeName(int dataType)
        {
            switch ((TensorProto.Types.DataType)dataType)
            {
                case TensorProto.Types.DataType.Float: return "float32";
                case TensorProto.Types.DataType.Double: return "float64";
                case TensorProto.Types.DataType.Float16: return "float16";
                case TensorProto.Types.DataType.Undefined: return "of no declared type";
                default:
                    return Enum.IsDefined(typeof(TensorProto.Types.DataType), dataType)
                        ? ((TensorProto.Types.DataType)dataType).ToString().ToLowerInvariant()
                        : "of the unknown type " + dataType.ToString(CultureInfo.InvariantCulture);
            }
        }

        private static double[] Floats(TensorProto tensor, long count, string source, string name)
        {
            if (tensor.HasRawData)
            {
                byte[] raw = Raw(tensor, count, 4, source, name);
                var values = new double[count];
                for (int k = 0; k < values.Length; k++) values[k] = BitConverter.ToSingle(raw, 4 * k);
                return values;
            }
            EnsureCount(tensor.FloatData.Count, count, tensor, source, name);
            return tensor.FloatData.Select(v => (double)v).ToArray();
        }

        private static double[] Doubles(TensorProto tensor, long count, string source, string name)
        {
            if (tensor.HasRawData)
            {
                byte[] raw = Raw(tensor, count, 8, source, name);
                var values = new double[count];
                for (int k = 0; k < values.Length; k++) values[k] = BitConverter.ToDouble(raw, 8 * k);
                return values;
            }
            EnsureCount(tensor.DoubleData.Count, count, tensor, source, name);
            return tensor.DoubleData.ToArray();
        }

        // The raw bytes, little-endian as ONNX stores them, in this machine's order.
        private static byte[] Raw(TensorProto tensor, long count, int size, string source, string name)
        {
            EnsureCount(tensor.RawData.Length / size, count, tensor, source, name, tensor.RawData.Length % size != 0);
            byte[] raw = tensor.RawData.ToByteArray();
            if (!BitConverter.IsLittleEndian)
            {
                for (int k = 0; k < raw.Length; k += size) Array.Reverse(raw, k, size);
            }
            return raw;
        }

        private static void EnsureCount(long held, long declared, TensorProto tensor, string source, string name, bool partial = false)
        {
            if (held == declared && !partial) return;
            throw Invalid(source, name, $"its shape {Describe(tensor.Dims)} declares {Wording.Number(declared)} values but it holds " +
                (partial ? "a partial value" : Wording.Number(held)));
        }

        private static BackpropException Invalid(string source, string name, string problem) =>
            new BackpropException("InvalidOnnxTensor", BackpropErrorKind.InvalidData, $"{source}: the tensor '{name}' cannot be read: {problem}.");
    }
}
