using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Reflection;
using BackpropPS.Commands;

namespace BackpropPS.Internal
{
    /// <summary>One run of a sweep: its number, the grid's values for it (in column order) and all its training parameters.</summary>
    internal sealed class SweepRun
    {
        public SweepRun(long number, IReadOnlyList<KeyValuePair<string, object>> settings, Hashtable parameters)
        {
            Number = number;
            Settings = settings;
            Parameters = parameters;
        }

        /// <summary>The run's number, from 1, in grid order.</summary>
        public long Number { get; }

        public IReadOnlyList<KeyValuePair<string, object>> Settings { get; }

        public Hashtable Parameters { get; }

        /// <summary>"Run 3 (Optimizer = Adam, LearningRate = 0.1)": how errors and progress name the run.</summary>
        public string Describe() =>
            $"Run {Number} ({string.Join(", ", Settings.Select(s => $"{s.Key} = {SweepGrid.Show(s.Value)}"))})";
    }

    /// <summary>
    /// A sweep's grid: its columns (parameter name -> values) and the parameters every run shares, checked up front,
    /// names and values alike. The runs are the cartesian product, the first column varying slowest, made one at a
    /// time when asked for: a grid of millions of runs costs its columns, not its runs.
    /// </summary>
    internal sealed class SweepGrid
    {
        /// <summary>The most runs a grid may have: far beyond any sweep that could finish, so only a mistake reaches it.</summary>
        public const long MaxRuns = 1_000_000_000;

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
            "ThreadCount", "Precision", "GradientFlow", "SaturationThreshold", "CheckpointPath", "CheckpointInterval", "Force",
        };

        private readonly List<KeyValuePair<string, object>> _fixed;
        private readonly List<KeyValuePair<string, object[]>> _columns;

        private SweepGrid(List<KeyValuePair<string, object>> fixedSettings, List<KeyValuePair<string, object[]>> columns, long count)
        {
            _fixed = fixedSettings;
            _columns = columns;
            Count = count;
        }

        /// <summary>How many runs the grid has.</summary>
        public long Count { get; }

        /// <summary>The grid of <paramref name="grid"/>'s columns with <paramref name="fixedParameters"/> in every run; every mistake is found here, before any run.</summary>
        public static SweepGrid Create(IDictionary grid, IDictionary fixedParameters)
        {
            var fixedSettings = Normalize(fixedParameters ?? new Hashtable(), "-Parameters");
            var named = Normalize(grid, "-Grid");
            if (named.Count == 0) throw BackpropException.Argument("EmptyGrid", "Expected at least one parameter in -Grid; got an empty hashtable.");
            // A plain hashtable's order changes from process to process; [ordered] keeps the user's order.
            if (!(grid is OrderedDictionary)) named = named.OrderBy(c => IndexOf(c.Key)).ToList();
            foreach (var column in named)
            {
                if (fixedSettings.Any(f => f.Key == column.Key))
                    throw BackpropException.Argument("SweepParameterConflict", $"-{column.Key} is in both -Grid and -Parameters; give it in one of them.");
            }
            foreach (var setting in fixedSettings) Check(setting.Key, setting.Value, "-Parameters");
            var columns = named.Select(c => new KeyValuePair<string, object[]>(c.Key, Values(c.Key, c.Value))).ToList();
            long count = 1;
            foreach (var column in columns)
            {
                // Checked as it grows: the product of a few long columns overflows a long long before it is refused.
                if (count > MaxRuns / column.Value.Length)
                {
                    throw new BackpropException("TooManySweepRuns", BackpropErrorKind.LimitsExceeded,
                        $"-Grid has more than {Wording.Number(MaxRuns)} combinations, the most a sweep runs ({string.Join(" x ", columns.Select(c => c.Value.Length.ToString(CultureInfo.InvariantCulture)))}). Give fewer values.");
                }
                count *= column.Value.Length;
            }
            return new SweepGrid(fixedSettings, columns, count);
        }

        /// <summary>Run <paramref name="index"/> (from 0) of the grid order, the last column varying fastest.</summary>
        public SweepRun Run(long index)
        {
            var settings = new KeyValuePair<string, object>[_columns.Count];
            long rest = index;
            for (int k = _columns.Count - 1; k >= 0; k--)
            {
                object[] values = _columns[k].Value;
                settings[k] = new KeyValuePair<string, object>(_columns[k].Key, values[rest % values.Length]);
                rest /= values.Length;
            }
            var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var f in _fixed) parameters[f.Key] = f.Value;
            foreach (var s in settings) parameters[s.Key] = s.Value;
            return new SweepRun(index + 1, settings, parameters);
        }

        /// <summary>Every parameter value in the grid and in -Parameters: a data set is what cannot go to another machine.</summary>
        public bool Holds(Func<object, bool> test) => _fixed.Any(f => test(f.Value)) || _columns.Any(c => c.Value.Any(test));

        /// <summary>A value as the user typed it: numbers and names invariant, anything else as the module describes values.</summary>
        public static string Show(object value) => value is string || value is IFormattable
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : UserValue.Describe(value);

        // Each key as Invoke-BackpropTraining spells it; an unknown name, or one given twice, stops the sweep before any run.
        private static List<KeyValuePair<string, object>> Normalize(IDictionary table, string where)
        {
            var result = new List<KeyValuePair<string, object>>();
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                if (Reserved.Any(r => string.Equals(r, key, StringComparison.OrdinalIgnoreCase)))
                    throw BackpropException.Argument("ReservedSweepParameter",
                        $"{where} cannot hold '{key}': the sweep gives every run its -Network and the piped records itself.");
                string name = TrainingParameters.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));
                if (name == null)
                    throw BackpropException.Argument("UnknownSweepParameter",
                        $"{where} holds '{key}', which is not a parameter of Invoke-BackpropTraining. Expected one of: {string.Join(", ", TrainingParameters)}.");
                // An ordinal hashtable can hold 'LearningRate' and 'learningrate' at once; PowerShell would keep one silently.
                if (result.Any(r => r.Key == name))
                    throw BackpropException.Argument("DuplicateSweepParameter", $"{where} names {name} twice (as '{key}' too); give it once.");
                result.Add(new KeyValuePair<string, object>(name, NumericArgument.Unwrap(entry.Value)));
            }
            return result;
        }

        // A single value is a column of one; an array or list is a column of its items, which must not be empty.
        private static object[] Values(string name, object value)
        {
            var items = NumericArgument.IsSequence(value) ? ((IEnumerable)value).Cast<object>().Select(NumericArgument.Unwrap).ToArray() : new[] { value };
            if (items.Length == 0) throw BackpropException.Argument("EmptyGridValues", $"-Grid's '{name}' has no values; give at least one.");
            foreach (object item in items) Check(name, item, "-Grid");
            return items;
        }

        // Each value as the run will bind it, in the module's words: a name of an enum, a number by the numeric rule, a
        // switch as $true or $false. Other values (data, paths, cultures) are the run's to judge.
        private static void Check(string name, object value, string where)
        {
            PropertyInfo parameter = typeof(InvokeBackpropTrainingCommand).GetProperty(name);
            Type type = Nullable.GetUnderlyingType(parameter.PropertyType) ?? parameter.PropertyType;
            string problem = null;
            if (type.IsEnum)
            {
                string text = value is string s ? s : value?.GetType() == type ? null : UserValue.Describe(value);
                bool named = value?.GetType() == type || (text != null && Enum.GetNames(type).Any(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)));
                if (!named) problem = $"{UserValue.Describe(value)}, which is not one of {string.Join(", ", Enum.GetNames(type))}";
            }
            else if (type == typeof(SwitchParameter))
            {
                if (!(value is bool || value is SwitchParameter)) problem = $"{UserValue.Describe(value)}; a switch takes $true or $false";
            }
            else if (parameter.GetCustomAttribute<NumberArgumentAttribute>() is NumberArgumentAttribute rule)
            {
                try { rule.Transform(null, value); }
                catch (ArgumentTransformationMetadataException e) { problem = UserValue.Describe(value) + ": " + e.Message.TrimEnd('.'); }
            }
            if (problem != null) throw BackpropException.Argument("InvalidSweepValue", $"{where}'s '{name}' holds {problem}.");
        }

        private static int IndexOf(string name)
        {
            for (int k = 0; k < TrainingParameters.Count; k++) if (TrainingParameters[k] == name) return k;
            return int.MaxValue;
        }
    }
}
