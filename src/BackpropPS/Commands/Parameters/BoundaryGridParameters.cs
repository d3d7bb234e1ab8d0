using BackpropPS.Core.Explain;

namespace BackpropPS.Commands
{
    /// <summary>
    /// The grid a decision boundary is computed over, and the input columns it is read from: the parameters
    /// Get-BackpropDecisionBoundary and Export-BackpropDecisionBoundary share. The two have different bases (one
    /// emits rows, the other writes a picture), so they take this group as their dynamic parameters, PowerShell's
    /// way of giving one parameter declaration to several cmdlets.
    /// </summary>
    public sealed class BoundaryGridParameters
    {
        /// <summary>The low and high end of the first input; by default the data's range with the margin.</summary>
        [Parameter]
        [DecimalNumber]
        public double[] XRange { get; set; }

        /// <summary>The low and high end of the second input; by default the data's range with the margin.</summary>
        [Parameter]
        [DecimalNumber]
        public double[] YRange { get; set; }

        /// <summary>Grid points per side (from 2 to 1000).</summary>
        [Parameter]
        [WholeNumber]
        public int Resolution { get; set; } = 100;

        /// <summary>The share of the data's span added on each side of a range read from the data.</summary>
        [Parameter]
        [DecimalNumber]
        public double Margin { get; set; } = BoundaryGrid.DefaultMargin;

        /// <summary>The two record columns that are the inputs, when the network does not know them.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] InputColumn { get; set; }

        /// <summary>The grid over <paramref name="input"/>'s data, or over the ranges given.</summary>
        internal BoundaryGrid Grid(BoundaryInput input) => input.Grid(XRange, YRange, Resolution, Margin);
    }
}
