using System.Globalization;

namespace BackpropPS.Core.Reports
{
    /// <summary>
    /// What a page stores, and the caps that keep a page small enough to open (the help states them):
    /// a step page keeps at most <see cref="MaxStoredSteps"/> steps and draws networks of at most
    /// <see cref="MaxStepParameters"/> parameters; a run page keeps every epoch's figures (at most
    /// <see cref="MaxEpochs"/> epochs), the weights of at most <see cref="MaxSnapshots"/> epochs within
    /// <see cref="SnapshotBudget"/> characters, a layer of more than <see cref="ExactWeights"/> weights as an
    /// 8-bit image, and at most <see cref="MaxPoints"/> data points.
    /// </summary>
    public static class ReportLimits
    {
        /// <summary>Steps a step page keeps (the first, the last and evenly spaced ones between).</summary>
        public const int MaxStoredSteps = 1000;

        /// <summary>The largest network a step page explains: its diagram shows every parameter.</summary>
        public const int MaxStepParameters = 1000;

        /// <summary>Epoch rows a run page takes.</summary>
        public const int MaxEpochs = 100_000;

        /// <summary>Epochs whose weights a run page keeps (the first, the last and evenly spaced ones between).</summary>
        public const int MaxSnapshots = 200;

        /// <summary>About how many characters the kept weights may take in all (8 MB, so that a page stays under 10 MB).</summary>
        public const long SnapshotBudget = 6_000_000;

        /// <summary>A layer with more weights than this is kept as an image (one byte per weight) rather than exactly.</summary>
        public const int ExactWeights = 4096;

        /// <summary>The data points a run page draws on its decision boundary.</summary>
        public const int MaxPoints = 2000;

        /// <summary>Grid points per side of a run page's decision boundary.</summary>
        public const int BoundaryResolution = 60;

        /// <summary>
        /// <paramref name="keep"/> indices of 0..count-1, evenly spaced, the first and the last always among them
        /// (all of them when count is at most keep).
        /// </summary>
        public static int[] Sample(int count, int keep)
        {
            if (count <= keep) return Enumerable.Range(0, count).ToArray();
            if (keep <= 1) return new[] { count - 1 };
            return Enumerable.Range(0, keep).Select(k => (int)Math.Round((double)k * (count - 1) / (keep - 1))).Distinct().ToArray();
        }

        internal static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }
}
