using System.Globalization;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// The hidden code properties that BackpropPS.Types.ps1xml gives the module's objects for serialization:
    /// what a job, a remote session or Export-Clixml carries, as strings, so that no serialization depth cuts
    /// a network into its ToString(). <see cref="Rehydration"/> rebuilds the objects from them.
    /// </summary>
    public static class TravelProperties
    {
        /// <summary>The network (a step's network before it) in the network file format, or null if it holds NaN.</summary>
        public static string NetworkJson(PSObject instance)
        {
            Network network = NetworkOf(instance?.BaseObject);
            if (network == null) return null;
            try
            {
                return Core.NetworkJson.Serialize(network, indented: false); // one line: half the characters of the file's layout
            }
            catch (BackpropException)
            {
                return null; // a network with NaN or infinite weights has no file form; it travels as its summary only
            }
        }

        /// <summary>
        /// The inputs of a forward pass, gradient, step or data set, as <see cref="MatrixText"/>; null when the object
        /// holds more numbers than <see cref="TravelLimit.MaxValues"/> (it travels as its summary, and is refused where it arrives).
        /// </summary>
        public static string InputText(PSObject instance)
        {
            var (inputs, targets) = Batch(instance?.BaseObject);
            return inputs != null && TravelLimit.Fits((long)inputs.Count + (targets?.Count ?? 0)) ? MatrixText.Format(inputs) : null;
        }

        /// <summary>The targets of a gradient, step or data set, as <see cref="MatrixText"/>; null as for <see cref="InputText"/>.</summary>
        public static string TargetText(PSObject instance)
        {
            var (inputs, targets) = Batch(instance?.BaseObject);
            return targets != null && TravelLimit.Fits((long)inputs.Count + targets.Count) ? MatrixText.Format(targets) : null;
        }

        /// <summary>The samples of a gradient (a pass and a step have SampleCount of their own), so that a batch too large to travel can be told.</summary>
        public static int? SampleCount(PSObject instance) => (instance?.BaseObject as Gradient)?.Forward.SampleCount;

        /// <summary>A data set's input columns (the numbers per sample, without a schema as with one).</summary>
        public static int? InputSize(PSObject instance) => (instance?.BaseObject as Dataset)?.Inputs.Columns;

        /// <summary>A data set's target columns.</summary>
        public static int? TargetSize(PSObject instance) => (instance?.BaseObject as Dataset)?.Targets.Columns;

        /// <summary>The input columns of a data set's schema; null without a schema.</summary>
        public static string[] InputColumns(PSObject instance) => SchemaOf(instance)?.InputColumns.ToArray();

        /// <summary>The target columns of a data set's schema; null without a schema.</summary>
        public static string[] TargetColumns(PSObject instance) => SchemaOf(instance)?.TargetColumns.ToArray();

        /// <summary>The class labels of a data set's schema; null without a schema.</summary>
        public static string[] ClassLabels(PSObject instance) => SchemaOf(instance)?.ClassLabels.ToArray();

        /// <summary>The input scaling of a data set's schema as two rows, means and scales (<see cref="MatrixText"/>); null without one.</summary>
        public static string ScalingText(PSObject instance)
        {
            var scaling = SchemaOf(instance)?.Scaling;
            if (scaling == null) return null;
            return MatrixText.Format(new Matrix(2, scaling.Mean.Count, scaling.Mean.Concat(scaling.Scale).ToArray()));
        }

        /// <summary>
        /// The text PowerShell shows for an object in a message or a cell, and the serializer writes beside its properties
        /// (so it is what a Deserialized.* object shows): what the object is, never its .NET type name, and for a forward
        /// pass its outputs up to 10,000 numbers, not the millions every job, remote session and Clixml file would carry.
        /// </summary>
        public static string Text(PSObject instance)
        {
            switch (instance?.BaseObject)
            {
                case ForwardPass forward when forward.Output.Count > 10_000:
                    return $"The outputs of {Wording.Number(forward.SampleCount)} samples, {Wording.Count(forward.Output.Columns, "number")} each (read them in Output)";
                case EpochResult epoch:
                    return FormattableString.Invariant($"Epoch {epoch.Epoch}: loss {epoch.Loss:G6}");
                case LearningRateRangeResult range:
                    string suggested = range.SuggestedLearningRate.HasValue
                        ? "suggested rate " + range.SuggestedLearningRate.Value.ToString("G4", CultureInfo.InvariantCulture) : "no suggested rate";
                    return $"Learning-rate range test ({range.Optimizer}): {range.StepsTaken} of {range.Steps} steps, {suggested}";
                case Dataset data:
                    return $"{(data.Name == null ? "A data set" : data.Name)}: {Wording.Number(data.Count)} samples of " +
                        $"{Wording.Count(data.Inputs.Columns, "input")} and {Wording.Count(data.Targets.Columns, "target")}";
                default:
                    return instance?.BaseObject?.ToString();
            }
        }

        /// <summary>The exercise of New-BackpropExercise's result, as its exercise file's text.</summary>
        public static string ExerciseJson(PSObject instance) =>
            instance?.BaseObject is ExerciseSheet sheet ? Core.Teaching.ExerciseJson.Serialize(sheet.Exercise) : null;

        private static DataSchema SchemaOf(PSObject instance) => (instance?.BaseObject as Dataset)?.Schema;

        private static (Matrix Inputs, Matrix Targets) Batch(object value)
        {
            switch (value)
            {
                case ForwardPass forward: return (forward.Input, null);
                case Gradient gradient: return (gradient.Forward.Input, gradient.Target);
                case TrainingStep step: return (step.Input, step.Target);
                case Dataset data: return (data.Inputs, data.Targets);
                default: return (null, null);
            }
        }

        private static Network NetworkOf(object value)
        {
            switch (value)
            {
                case Network network: return network;
                case ForwardPass forward: return forward.Network;
                case Gradient gradient: return gradient.Network;
                case TrainingStep step: return step.Before;
                case EpochResult epoch: return epoch.Network;
                default: return null;
            }
        }
    }
}
