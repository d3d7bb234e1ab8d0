using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace BackpropPS.Benchmarks
{
    /// <summary>Entry point: the command line picks benchmarks and jobs (e.g. --filter '*Step*' --job short).</summary>
    public static class Program
    {
        public static void Main(string[] args) =>
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()));
    }
}
