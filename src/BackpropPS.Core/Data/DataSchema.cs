using System.Collections.Generic;
using System.Linq;
using System;
using BackpropPS.Core.Data;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// What a network was trained on: the record columns it reads, what its outputs mean (class labels
    /// or numeric target columns) and the input scaling it expects. Saved with the network so that
    /// prediction takes the same records back. Immutable.
    /// </summary>
    public sealed class DataSchema
    {
        /// <summary>Creates a schema.</summary>
        /// <param name="inputColumns">The record columns the inputs come from, in order.</param>
        /// <param name="targetColumns">The record columns the targets come from.</param>
        /// <param name="classLabels">The labels of a classifier's outputs, in output order; empty for numeric targets.</param>
        /// <param name="scaling">The input scaling, or null.</param>
        public DataSchema(IEnumerable<string> inputColumns, IEnumerable<string> targetColumns,
            IEnumerable<string> classLabels = null, InputScaling scaling = null)
        {
            InputColumns = (inputColumns ?? throw new ArgumentNullException(nameof(inputColumns))).ToArray();
            TargetColumns = (targetColumns ?? Enumerable.Empty<string>()).ToArray();
            ClassLabels = (classLabels ?? Enumerable.Empty<string>()).ToArray();
            Scaling = scaling;
            // One label would leave a single output standing for a second label that does not exist (and the
            // predictor without an answer); a label twice would give two outputs one meaning.
            if (ClassLabels.Count > 0) LabelEncoding.EnsureValid(ClassLabels, "The schema");
            if (scaling != null && scaling.Mean.Count != InputColumns.Count && InputColumns.Count > 0)
            {
                throw BackpropException.Argument("ScalingSizeMismatch",
                    $"The scaling covers {scaling.Mean.Count} inputs; the schema names {InputColumns.Count} input columns.");
            }
        }

        /// <summary>The record columns the inputs come from, in order.</summary>
        public IReadOnlyList<string> InputColumns { get; }

        /// <summary>The record columns the targets come from.</summary>
        public IReadOnlyList<string> TargetColumns { get; }

        /// <summary>The labels of a classifier's outputs, in output order; empty for numeric targets.</summary>
        public IReadOnlyList<string> ClassLabels { get; }

        /// <summary>True when the outputs are class probabilities for <see cref="ClassLabels"/>.</summary>
        public bool IsClassifier => ClassLabels.Count > 0;

        /// <summary>
        /// True when the network's outputs fit the labels: one output per label, or one output for two labels
        /// (the probability of the second, as a single sigmoid output gives).
        /// </summary>
        public bool FitsOutputs(int outputs) => !IsClassifier || LabelEncoding.Fits(ClassLabels.Count, outputs);

        /// <summary>The encoding of the class labels onto <paramref name="outputs"/> outputs; null for numeric targets.</summary>
        public LabelEncoding Encoding(int outputs) => IsClassifier ? new LabelEncoding(ClassLabels, outputs, "The schema") : null;

        /// <summary>The input scaling applied before the first layer, or null.</summary>
        public InputScaling Scaling { get; }

        /// <summary>What the network reads and predicts, in one line (a CSV cell, a narrow table).</summary>
        public override string ToString()
        {
            string inputs = InputColumns.Count > 0 ? string.Join(", ", InputColumns) : "unnamed inputs";
            string outputs = IsClassifier ? string.Join(", ", TargetColumns) + ": " + string.Join(", ", ClassLabels) : string.Join(", ", TargetColumns);
            return inputs + " -> " + outputs + (Scaling != null ? " (standardised)" : "");
        }
    }
}
