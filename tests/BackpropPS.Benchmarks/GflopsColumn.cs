using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace BackpropPS.Benchmarks
{
    /// <summary>GFLOP/s of a <see cref="GemmBenchmarks"/> row: its flops over its mean time.</summary>
    public sealed class GflopsColumn : IColumn
    {
        public string Id => nameof(GflopsColumn);
        public string ColumnName => "GFLOP/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Billions of floating-point operations per second (2 m n k over the mean time)";

        public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(b => b.Descriptor.Type == typeof(GemmBenchmarks));

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics == null || benchmarkCase.Descriptor.Type != typeof(GemmBenchmarks)) return "-";
            string shape = (string)benchmarkCase.Parameters["Shape"];
            string[] size = shape.Substring(shape.LastIndexOf(' ') + 1).Split('x');
            double flops = 2.0 * double.Parse(size[0]) * double.Parse(size[1]) * double.Parse(size[2]);
            return (flops / report.ResultStatistics.Mean).ToString("F1"); // flops per ns = GFLOP/s
        }
    }
}
