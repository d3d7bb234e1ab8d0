using System.Linq;
using BackpropPS.Core.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BackpropPS.Core.Tests.Onnx;

/// <summary>Runs a model's bytes in ONNX Runtime (Microsoft.ML.OnnxRuntime, the real runtime, on the CPU).</summary>
internal static class OnnxRuntimeRunner
{
    /// <summary>The model's output for a batch of raw inputs, in float64 or float32 as the model takes them.</summary>
    public static double[,] Run(byte[] model, double[,] inputs, Precision precision)
    {
        int rows = inputs.GetLength(0), columns = inputs.GetLength(1);
        double[] flat = inputs.Cast<double>().ToArray();
        using var session = new InferenceSession(model);
        NamedOnnxValue input = precision == Precision.Double
            ? NamedOnnxValue.CreateFromTensor(OnnxExport.InputName, new DenseTensor<double>(flat, new[] { rows, columns }))
            : NamedOnnxValue.CreateFromTensor(OnnxExport.InputName, new DenseTensor<float>(flat.Select(v => (float)v).ToArray(), new[] { rows, columns }));
        using var results = session.Run(new[] { input });
        DisposableNamedOnnxValue output = results.Single();
        Assert.Equal(OnnxExport.OutputName, output.Name);
        double[] values = precision == Precision.Double
            ? output.AsEnumerable<double>().ToArray()
            : output.AsEnumerable<float>().Select(v => (double)v).ToArray();
        int width = values.Length / rows;
        var result = new double[rows, width];
        for (int k = 0; k < values.Length; k++) result[k / width, k % width] = values[k];
        return result;
    }
}
