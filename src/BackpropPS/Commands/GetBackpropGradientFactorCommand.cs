using BackpropPS.Core.Explain;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Says for each weight of a one-sample step which chain-rule factor (the downstream sum, the activation
    /// derivative or the input activation) is furthest below its typical size, and so made the gradient small.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BackpropGradientFactor")]
    [OutputType(typeof(GradientFactor))]
    public sealed class GetBackpropGradientFactorCommand : BackpropCmdlet
    {
        /// <summary>A training step on one sample, from Invoke-BackpropStep.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Step")]
        [ValidateNotNull]
        [TravellingObject]
        public TrainingStep InputObject { get; set; }

        /// <summary>Only the weights with the N smallest gradients (by size), smallest first; 0 (the default) gives every weight in the trace's order.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int Smallest { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            IEnumerable<GradientFactor> rows;
            try
            {
                rows = GradientFactors.Explain(InputObject);
            }
            catch (BackpropException e)
            {
                // One unsuitable step among many piped: reported, and the next goes on.
                WriteError(ErrorRecords.From(e, InputObject));
                return;
            }
            // OrderBy is stable: equal sizes keep the trace's order.
            if (Smallest > 0) rows = rows.OrderBy(r => Math.Abs(r.Gradient)).Take(Smallest);
            WriteObject(rows, enumerateCollection: true);
        }
    }
}
