using System.Linq;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Checks a data set object against the network it trains, with the errors the record path gives for
    /// the same mistakes, and says which schema the trained network gets.
    /// </summary>
    internal static class DatasetInput
    {
        /// <summary>
        /// The data set's own schema when it has one (its columns and labels, as records would give them);
        /// otherwise the network's, as with -Input and -Target.
        /// </summary>
        public static DataSchema SchemaFor(Dataset data, Network network)
        {
            DataSchema schema = data.Schema;
            if (data.Inputs.Columns != network.InputSize)
            {
                string named = schema != null && schema.InputColumns.Count > 0 ? $" ({string.Join(", ", schema.InputColumns)})" : "";
                throw BackpropException.Argument("InputSizeMismatch",
                    $"The network takes {network.InputSize} inputs; the data set has {Wording.Count(data.Inputs.Columns, "input column")}{named}.");
            }
            if (schema != null && schema.IsClassifier) CheckLabels(schema, network);
            if (data.Targets.Columns != network.OutputSize)
            {
                throw BackpropException.Argument("TargetSizeMismatch",
                    $"The network has {Wording.Count(network.OutputSize, "output")}; the data set has {Wording.Count(data.Targets.Columns, "target column")}.");
            }
            return schema ?? network.Schema;
        }

        private static void CheckLabels(DataSchema schema, Network network)
        {
            string labels = string.Join(", ", schema.ClassLabels);
            // Throws ClassCountMismatch unless the labels fit the outputs (one each, or one output for two labels).
            _ = new LabelEncoding(schema.ClassLabels, network.OutputSize, "The data set");
            // A network trained on labels before reads its outputs as those labels: others would silently change their meaning.
            DataSchema known = network.Schema;
            if (known != null && known.IsClassifier && !known.ClassLabels.SequenceEqual(schema.ClassLabels, StringComparer.Ordinal))
            {
                throw BackpropException.Argument("ClassLabelMismatch",
                    $"The network was trained on the labels {string.Join(", ", known.ClassLabels)}; the data set's labels are {labels}.");
            }
        }
    }
}
