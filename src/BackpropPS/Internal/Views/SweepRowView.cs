namespace BackpropPS.Internal
{
    /// <summary>
    /// The Settings column of a sweep row's table view (BackpropPS.SweepRow): the grid's values for the row's run,
    /// "Optimizer=Adam, LearningRate=0.1". The grid's names differ from sweep to sweep, so one static view cannot
    /// name them as columns; they are the row's properties between Run and Epoch.
    /// </summary>
    public static class SweepRowView
    {
        /// <summary>The run's grid values as Name=value, in the grid's order; numbers in the invariant culture.</summary>
        public static string Settings(PSObject row)
        {
            if (row == null) return "";
            var settings = row.Properties.SkipWhile(p => p.Name != "Run").Skip(1).TakeWhile(p => p.Name != "Epoch");
            return string.Join(", ", settings.Select(p => p.Name + "=" + SweepGrid.Show(p.Value is PSObject wrapped ? wrapped.BaseObject : p.Value)));
        }
    }
}
