using System.IO;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Reports;
using BackpropPS.Core.Training;
using BackpropPS.Serialization;

namespace BackpropPS.Internal
{
    /// <summary>
    /// What Export-BackpropReport and Show-BackpropReport were piped: training steps (a step page) or the epoch rows
    /// of one run (a run page), never both. Objects back from a job or Clixml are rebuilt first.
    /// </summary>
    internal sealed class ReportInput
    {
        // The type name Invoke-BackpropSweep gives its rows.
        private const string SweepRowType = "BackpropPS.SweepRow";

        private readonly List<TrainingStep> _steps = new List<TrainingStep>();
        private readonly List<EpochResult> _epochs = new List<EpochResult>();

        /// <summary>Takes one piped object, or throws UnsupportedReportInput or MixedReportInput.</summary>
        public void Add(PSObject item)
        {
            // A sweep row holds a run's figures but not its epoch (no learning rate, no gradient flow).
            if (item.TypeNames.Contains(SweepRowType))
            {
                throw new BackpropException("UnsupportedReportInput", BackpropErrorKind.InvalidType,
                    $"Expected training steps (Invoke-BackpropStep) or epoch rows (Invoke-BackpropTraining); got a sweep row (run {item.Properties["Run"]?.Value}, epoch {item.Properties["Epoch"]?.Value}). " +
                    "To see one run of a sweep as a page, train it with Invoke-BackpropTraining and those settings, and export its rows.");
            }
            switch (Rehydration.LiveBaseObject(item))
            {
                case TrainingStep step:
                    if (_epochs.Count > 0) throw Mixed();
                    _steps.Add(step);
                    break;
                case EpochResult epoch:
                    if (_steps.Count > 0) throw Mixed();
                    _epochs.Add(epoch);
                    break;
                default:
                    throw new BackpropException("UnsupportedReportInput", BackpropErrorKind.InvalidType,
                        $"Expected training steps (Invoke-BackpropStep) or epoch rows (Invoke-BackpropTraining); got {UserValue.Describe(item)}.");
            }
        }

        /// <summary>The number of steps or epochs taken.</summary>
        public int Count => _steps.Count + _epochs.Count;

        /// <summary>What the page will show, for -WhatIf and -Confirm.</summary>
        public string Description => _steps.Count > 0 ? $"a page of {Wording.Count(_steps.Count, "training step")}" : $"a page of {Wording.Count(_epochs.Count, "epoch")}";

        /// <summary>Refuses an empty page, too many epochs or a network too large before anything is written.</summary>
        public void Check()
        {
            if (_steps.Count > 0) StepPage.Check(_steps);
            else RunPage.Check(_epochs);
        }

        /// <summary>Writes the page: a step page, or a run page with <paramref name="data"/>'s points on its boundary.</summary>
        public void Write(TextWriter writer, Dataset data, string title)
        {
            if (_steps.Count > 0)
            {
                if (data != null)
                    throw BackpropException.Argument("DatasetNotForSteps", "-Dataset draws the data on a run page's decision boundary; a step page shows its own inputs. Leave -Dataset out.");
                StepPage.Write(_steps, writer, title);
            }
            else RunPage.Write(_epochs, data, writer, title);
        }

        private static BackpropException Mixed() => new BackpropException("MixedReportInput", BackpropErrorKind.InvalidData,
            "A page shows training steps or the epoch rows of one run, not both: export each to its own page.");
    }
}
