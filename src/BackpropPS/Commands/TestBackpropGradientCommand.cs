using System.Collections;
using BackpropPS.Core.Explain;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Compares each parameter's backpropagated gradient (or a gradient supplied with -Analytic) with a central
    /// finite difference on the same network, data and loss.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BackpropGradient")]
    [OutputType(typeof(GradientCheckResult), typeof(bool))]
    public sealed class TestBackpropGradientCommand : NetworkInputCmdlet
    {
        // Below this many parameters the check takes well under a second: no progress bar.
        private const int ProgressThreshold = 200;

        /// <summary>The wanted outputs: one per sample.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object Target { get; set; }

        /// <summary>The loss function.</summary>
        [Parameter]
        public LossFunction Loss { get; set; } = LossFunction.HalfSquaredError;

        /// <summary>
        /// Gradients to check instead of backpropagation's: objects with Name and Gradient (rows of
        /// Get-BackpropParameter, or of Import-Csv), or a hashtable of name = gradient. Only those are checked.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public object Analytic { get; set; }

        /// <summary>A gradient passes when |analytic - numeric| / max(|analytic|, |numeric|) is at most this...</summary>
        [Parameter]
        [DecimalNumber]
        public double RelativeTolerance { get; set; } = GradientCheckSettings.DefaultRelativeTolerance;

        /// <summary>...or when |analytic - numeric| is at most this.</summary>
        [Parameter]
        [DecimalNumber]
        public double AbsoluteTolerance { get; set; } = GradientCheckSettings.DefaultAbsoluteTolerance;

        /// <summary>The finite-difference step, relative to max(1, |parameter|).</summary>
        [Parameter]
        [DecimalNumber]
        public double StepSize { get; set; } = GradientCheckSettings.DefaultStepSize;

        /// <summary>Emit only whether every gradient passed.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var settings = new GradientCheckSettings { RelativeTolerance = RelativeTolerance, AbsoluteTolerance = AbsoluteTolerance, StepSize = StepSize };
            var progress = new ProgressRecord(1, "Test-BackpropGradient", "Finite differences") { PercentComplete = 0 };
            IReadOnlyList<GradientCheckResult> results;
            try
            {
                var (inputs, targets) = NumericArgument.ToSamples(Input, Target, InputObject);
                results = GradientCheck.Compare(InputObject, InputObject.PrepareInputs(inputs), targets, Loss, Analytic == null ? null : AnalyticGradients(Analytic),
                    settings, (done, total) => Report(progress, done, total));
            }
            catch (BackpropException e)
            {
                // About this network and its samples: the next piped network goes on.
                WriteError(ErrorRecords.From(e, InputObject));
                return;
            }
            if (Quiet) WriteObject(results.All(r => r.Pass));
            else WriteObject(results, enumerateCollection: true);
        }

        private void Report(ProgressRecord progress, int done, int total)
        {
            if (Stopping) throw new PipelineStoppedException();
            if (total < ProgressThreshold || (done % Math.Max(1, total / 100) != 0 && done != total)) return;
            progress.PercentComplete = (int)(100L * done / total);
            progress.StatusDescription = $"{done} of {total} parameters";
            if (done == total) progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        // Name -> gradient from a hashtable, or from objects that have Name and Gradient properties.
        private static Dictionary<string, double> AnalyticGradients(object value)
        {
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            if (NumericArgument.Unwrap(value) is IDictionary table)
            {
                foreach (DictionaryEntry entry in table)
                    Add(result, entry.Key?.ToString(), entry.Value, $"the entry '{entry.Key}'");
                return result;
            }
            // Rows keep their PSObject wrapper: a [pscustomobject]'s properties live there, not in its base object.
            IEnumerable rows = NumericArgument.Unwrap(value) is IEnumerable list && !(NumericArgument.Unwrap(value) is string)
                ? list : new[] { value };
            int item = 0;
            foreach (object row in rows)
            {
                item++;
                PSObject ps = PSObject.AsPSObject(row);
                string name = ps.Properties["Name"]?.Value?.ToString();
                PSPropertyInfo gradient = ps.Properties["Gradient"];
                if (string.IsNullOrEmpty(name) || gradient == null)
                {
                    throw BackpropException.Argument("InvalidAnalyticGradient",
                        $"Expected -Analytic objects with Name and Gradient properties (e.g. rows of Get-BackpropParameter) or a hashtable of name = gradient; item {item} has no {(string.IsNullOrEmpty(name) ? "Name" : "Gradient")}.");
                }
                Add(result, name, gradient.Value, $"the Gradient of '{name}'");
            }
            return result;
        }

        private static void Add(Dictionary<string, double> result, string name, object gradient, string position)
        {
            if (result.ContainsKey(name))
                throw BackpropException.Argument("DuplicateParameterName", $"Expected each parameter once in -Analytic; '{name}' comes twice.");
            result[name] = NumericArgument.ToDouble(gradient, nameof(Analytic), position);
        }
    }
}
