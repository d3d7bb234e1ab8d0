namespace BackpropPS
{
    /// <summary>How often a classifier was right, with its confusion matrix as rows for Export-Csv.</summary>
    public sealed class AccuracyReport
    {
        /// <summary>Creates a report.</summary>
        public AccuracyReport(int correct, int total, IReadOnlyList<string> labels, IReadOnlyList<PSObject> confusionMatrix)
        {
            Correct = correct;
            Total = total;
            Labels = labels;
            ConfusionMatrix = confusionMatrix;
        }

        /// <summary>Correct / Total; none when no record could be measured.</summary>
        public double? Accuracy => Total == 0 ? (double?)null : (double)Correct / Total;

        /// <summary>Records predicted right.</summary>
        public int Correct { get; }

        /// <summary>Records measured (bad records are reported as errors and left out).</summary>
        public int Total { get; }

        /// <summary>The class labels, in the network's output order.</summary>
        public IReadOnlyList<string> Labels { get; }

        /// <summary>One row per actual label: Actual, a count per predicted label, Total and Recall.</summary>
        public IReadOnlyList<PSObject> ConfusionMatrix { get; }
    }
}
