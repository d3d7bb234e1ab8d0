using System.Collections.Generic;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>
    /// What the commands that train (Invoke-BackpropTraining, Find-BackpropLearningRate) share in reading their
    /// data and checking their optimizer settings, so that both take the same records, batches and data sets the
    /// same way and refuse the same mistakes with the same errors.
    /// </summary>
    internal static class TrainingInput
    {
        /// <summary>
        /// The samples and their schema from one of the three ways data comes: a data set object (given or
        /// piped), numeric batches (-Input and -Target), or piped records read through their columns.
        /// </summary>
        public static (Dataset Data, DataSchema Schema) Read(Network network, Dataset given, PipedTrainingData piped,
            object input, object target, CultureInfo culture, string[] inputColumns, string[] targetColumns)
        {
            Dataset data = given ?? piped.Dataset;
            if (data != null) return (data, DatasetInput.SchemaFor(data, network));
            if (input != null)
            {
                var (inputs, targets) = NumericArgument.ToSamples(input, target, network);
                return (new Dataset(inputs, targets), network.Schema);
            }
            return RecordData.Read(new RecordTable(piped.Records, culture), inputColumns, targetColumns,
                network.InputSize, network.OutputSize, network.Schema);
        }

        // A setting of another optimizer is more likely a mistake than a wish: say so rather than ignore it.
        public static void EnsureOptionsFitTheOptimizer(PSCmdlet cmdlet, IDictionary bound, OptimizerKind optimizer)
        {
            var belongs = new Dictionary<string, OptimizerKind>
            {
                ["Momentum"] = OptimizerKind.Momentum, ["Nesterov"] = OptimizerKind.Momentum,
                ["Beta1"] = OptimizerKind.Adam, ["Beta2"] = OptimizerKind.Adam, ["Epsilon"] = OptimizerKind.Adam,
            };
            foreach (var pair in belongs)
            {
                if (bound.Contains(pair.Key) && optimizer != pair.Value)
                {
                    cmdlet.ThrowTerminatingError(ErrorRecords.Create("OptionNotForOptimizer", ErrorCategory.InvalidArgument,
                        $"-{pair.Key} belongs to -Optimizer {pair.Value}; the optimizer is {optimizer}.", pair.Key));
                }
            }
        }
    }
}
