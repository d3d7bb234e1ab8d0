using System.Collections;
using System.Collections.Specialized;

namespace BackpropPS.Internal
{
    /// <summary>One run of a sweep: its number, the grid's values for it (in column order) and all its training parameters.</summary>
    internal sealed class SweepRun
    {
        public SweepRun(int number, IReadOnlyList<KeyValuePair<string, object>> settings, Hashtable parameters)
        {
            Number = number;
            Settings = settings;
            Parameters = parameters;
        }

        public int Number { get; }

        public IReadOnlyList<KeyValuePair<string, object>> Settings { get; }

        public Hashtable Parameters { get; }

        /// <summary>"Run 3 (Optimizer = Adam, LearningRate = 0.1)": how errors and progress name the run.</summary>
        public string Describe() =>
            $"Run {Number} ({string.Join(", ", Settings.Select(s => $"{s.Key} = {Show(s.Value)}"))})";

        // Numbers and names as typed (invariant culture); anything else as the module describes values.
        private static string Show(object value) => value is string || value is IFormattable
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
            : UserValue.Describe(value);
    }

    /// <summary>
    /// Turns a grid (parameter name -> values) and the fixed parameters into the runs of a sweep: the cartesian
    /// product, the first column varying slowest. Names are Invoke-BackpropTraining's parameters, checked up front.
    /// </summary>
    internal static class SweepGrid
    {
        // What each run takes from the sweep itself rather than from the grid or -Parameters.
        private static readonly string[] Reserved = { "Network", "InputObject" };

        /// <summary>
        /// Invoke-BackpropTraining's parameters a run can take, in the order a plain hashtable's columns are put in:
        /// the data, then the loss and optimizer, the run's length and batches, then the rest. Written out rather than
        /// read from the cmdlet's metadata, whose order is the compiler's; a Pester test keeps it complete.
        /// </summary>
        public static readonly IReadOnlyList<string> TrainingParameters = new[]
        {
            "InputColumn", "TargetColumn", "Culture", "Input", "Target", "Dataset",
            "Loss", "Optimizer", "LearningRate", "Momentum", "Nesterov", "Beta1", "Beta2", "Epsilon", "WeightDecay",
            "Epochs", "BatchSize", "Shuffle", "Seed", "ValidationFraction", "Patience", "DivergenceFactor", "Standardize",
            "ThreadCount", "GradientFlow", "SaturationThreshold", "CheckpointPath", "CheckpointInterval", "Force",
        };

        public static List<SweepRun> Expand(IDictionary grid, IDictionary fixedParameters)
        {
            var fixedSettings = Normalize(fixedParameters ?? new Hashtable(), "-Parameters");
            var columns = Normalize(grid, "-Grid");
            if (columns.Count == 0) throw BackpropException.Argument("EmptyGrid", "Expected at least one parameter in -Grid; got an empty hashtable.");
            // A plain hashtable's order changes from process to process; [ordered] keeps the user's order.
            if (!(grid is OrderedDictionary)) columns = columns.OrderBy(c => IndexOf(c.Key)).ToList();
            foreach (var column in columns)
            {
                if (fixedSettings.Any(f => f.Key == column.Key))
                    throw BackpropException.Argument("SweepParameterConflict", $"-{column.Key} is in both -Grid and -Parameters; give it in one of them.");
            }
            var values = columns.Select(c => Values(c.Key, c.Value)).ToList();
            var runs = new List<SweepRun>();
            foreach (int[] index in Product(values.Select(v => v.Count).ToArray()))
            {
                var settings = columns.Select((c, k) => new KeyValuePair<string, object>(c.Key, values[k][index[k]])).ToList();
                var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
                foreach (var f in fixedSettings) parameters[f.Key] = f.Value;
                foreach (var s in settings) parameters[s.Key] = s.Value;
                runs.Add(new SweepRun(runs.Count + 1, settings, parameters));
            }
            return runs;
        }

        // Each key as Invoke-BackpropTraining spells it; an unknown name stops the sweep before any run starts.
        private static List<KeyValuePair<string, object>> Normalize(IDictionary table, string where)
        {
            var result = new List<KeyValuePair<string, object>>();
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture);
                if (Reserved.Any(r => string.Equals(r, key, StringComparison.OrdinalIgnoreCase)))
                    throw BackpropException.Argument("ReservedSweepParameter",
                        $"{where} cannot hold '{key}': the sweep gives every run its -Network and the piped records itself.");
                string name = TrainingParameters.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));
                if (name == null)
                    throw BackpropException.Argument("UnknownSweepParameter",
                        $"{where} holds '{key}', which is not a parameter of Invoke-BackpropTraining. Expected one of: {string.Join(", ", TrainingParameters)}.");
                result.Add(new KeyValuePair<string, object>(name, entry.Value));
            }
            return result;
        }

        // A single value is a column of one; an array or list is a column of its items, which must not be empty.
        private static List<object> Values(string name, object value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            var items = value is IEnumerable list && !(value is string) ? list.Cast<object>().ToList() : new List<object> { value };
            if (items.Count == 0) throw BackpropException.Argument("EmptyGridValues", $"-Grid's '{name}' has no values; give at least one.");
            return items.Select(i => i is PSObject p ? p.BaseObject : i).ToList();
        }

        private static int IndexOf(string name)
        {
            for (int k = 0; k < TrainingParameters.Count; k++) if (TrainingParameters[k] == name) return k;
            return int.MaxValue;
        }

        private static IEnumerable<int[]> Product(int[] counts)
        {
            var index = new int[counts.Length];
            while (true)
            {
                yield return (int[])index.Clone();
                int k = counts.Length - 1;
                while (k >= 0 && ++index[k] == counts[k]) index[k--] = 0;
                if (k < 0) yield break;
            }
        }
    }
}
