using System.Collections;
using System.Globalization;
using System.Text;

namespace BackpropPS.Internal
{
    /// <summary>
    /// How a confusion matrix prints at the prompt (the BackpropPS.AccuracyReport and BackpropPS.ConfusionMatrixRow
    /// views). PowerShell's own table shows at most 10 columns of an object without a view and drops the rest
    /// silently, which cut a 10-class matrix after its ninth class. Here the report shows every class, Total and
    /// Recall as one grid when the grid fits in 120 columns, as it does for the 10-class data sets; a wider one, and
    /// each row on its own, shows each actual class with what its records were predicted as. Reports are read by
    /// their properties, so one back from a job or Clixml prints the same.
    /// </summary>
    public static class ConfusionMatrixView
    {
        /// <summary>The type name of Measure-BackpropAccuracy's ConfusionMatrix rows, which selects their view.</summary>
        public const string RowType = "BackpropPS.ConfusionMatrixRow";

        private const string Actual = "Actual", Total = "Total", Recall = "Recall";

        /// <summary>The report as the prompt shows it: the accuracy, then the matrix.</summary>
        public static string Report(PSObject report)
        {
            if (report == null) return "";
            var text = new StringBuilder("Accuracy : ").Append(Accuracy(report)).Append("\n\n");
            var rows = Rows(report.Properties["ConfusionMatrix"]?.Value);
            if (rows.Count == 0) return text.ToString();
            string[] labels = Labels(rows[0]);
            var header = new[] { Actual }.Concat(labels).Concat(new[] { Total, Recall }).ToArray();
            var grid = rows.Select(r => new[] { ViewText.Cell(Value(r, Actual)) }
                .Concat(labels.Select(l => ViewText.Cell(Value(r, l))))
                .Concat(new[] { ViewText.Cell(Value(r, Total)), ViewText.Percent(Value(r, Recall)) }).ToArray()).ToList();
            if (ViewText.TableWidth(header, grid) <= ViewText.Width)
            {
                text.Append("ConfusionMatrix: a row per actual class, a column per predicted class\n\n");
                return text.Append(ViewText.Table(header, grid, c => c > 0)).ToString();
            }
            text.Append(string.Format(CultureInfo.InvariantCulture,
                "ConfusionMatrix: a grid of {0} classes would be wider than {1} columns, so a row per actual class says what its\n" +
                "records were predicted as (every count: Export-Csv or Format-List; a picture: Export-BackpropConfusionMatrix)\n\n",
                labels.Length, ViewText.Width));
            return text.Append(PerClass(rows)).ToString();
        }

        /// <summary>What the records of a row's actual class were predicted as, most first: "4: 47, 1: 1" (label: count).</summary>
        public static string PredictedAs(PSObject row)
        {
            if (row == null) return "";
            string[] labels = Labels(row);
            var counts = labels.Select((label, k) => (label, k, count: Count(Value(row, label)))).Where(c => c.count != 0);
            return string.Join(", ", counts.OrderByDescending(c => c.count).ThenBy(c => c.k)
                .Select(c => c.label + ": " + ViewText.Cell(Value(row, c.label))));
        }

        // A row per actual class: its Total, its Recall and what it was predicted as, the list wrapped at the width.
        private static string PerClass(IReadOnlyList<PSObject> rows)
        {
            var header = new[] { Actual, Total, Recall, "Predicted as" };
            var cells = rows.Select(r => new[] { ViewText.Cell(Value(r, Actual)), ViewText.Cell(Value(r, Total)), ViewText.Percent(Value(r, Recall)), PredictedAs(r) }).ToList();
            return ViewText.Table(header, cells, c => c == 1 || c == 2, ViewText.Width);
        }

        private static string Accuracy(PSObject report)
        {
            object accuracy = Value(report, "Accuracy");
            if (accuracy == null) return "none (no record measured)";
            return string.Format(CultureInfo.InvariantCulture, "{0:P2} ({1} of {2})", accuracy, ViewText.Cell(Value(report, "Correct")), ViewText.Cell(Value(report, "Total")));
        }

        // The labels are the columns between Actual and Total, in the network's output order.
        private static string[] Labels(PSObject row)
        {
            var names = row.Properties.Select(p => p.Name).ToList();
            int first = names.IndexOf(Actual) + 1, last = names.IndexOf(Total);
            return last > first ? names.GetRange(first, last - first).ToArray() : names.Where(n => n != Actual && n != Total && n != Recall).ToArray();
        }

        private static List<PSObject> Rows(object value)
        {
            object bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            return bare is IEnumerable list && !(bare is string) ? list.Cast<object>().Where(r => r != null).Select(PSObject.AsPSObject).ToList() : new List<PSObject>();
        }

        private static object Value(PSObject row, string name)
        {
            object value = row.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        // A count, or 1 for a cell that is no number (an edited row): shown rather than hidden.
        private static double Count(object value)
        {
            if (value is IConvertible number && !(value is string) && !(value is bool))
            {
                try { return Convert.ToDouble(number, CultureInfo.InvariantCulture); }
                catch (FormatException) { }
                catch (InvalidCastException) { }
            }
            return value == null ? 0 : 1;
        }
    }
}
