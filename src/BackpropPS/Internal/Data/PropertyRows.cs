namespace BackpropPS.Internal
{
    /// <summary>The core's rows (ordered column names and values) as the flat objects Export-Csv writes.</summary>
    internal static class PropertyRows
    {
        /// <summary>A new object with <paramref name="columns"/> as its properties, in order.</summary>
        public static PSObject Of(IEnumerable<KeyValuePair<string, object>> columns)
        {
            var row = new PSObject();
            Add(row, columns);
            return row;
        }

        /// <summary>Adds <paramref name="columns"/> to <paramref name="row"/>, in order.</summary>
        public static void Add(PSObject row, IEnumerable<KeyValuePair<string, object>> columns)
        {
            foreach (var column in columns) row.Properties.Add(new PSNoteProperty(column.Key, column.Value));
        }
    }
}
