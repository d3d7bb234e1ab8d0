using System;
using BackpropPS.Core;

namespace BackpropPS.Benchmarks
{
    /// <summary>
    /// Guards the comparison: a speed ratio only means something if the baseline computes the same step,
    /// so each benchmark class runs both once and stops here unless the results match.
    /// </summary>
    public static class Agreement
    {
        public const double Tolerance = 1e-9;

        /// <summary>Throws unless every updated weight and bias, and the loss, agree to <see cref="Tolerance"/>.</summary>
        public static void Check(Network before, Network core, double coreLoss, TextbookNetwork reference, double referenceLoss)
        {
            Compare("loss", coreLoss, referenceLoss);
            double moved = 0.0;
            for (int l = 0; l < core.Layers.Count; l++)
            {
                Layer layer = core.Layers[l];
                for (int j = 0; j < layer.OutputSize; j++)
                    for (int i = 0; i < layer.InputSize; i++)
                    {
                        Compare($"weight [{l}][{j}][{i}]", layer.Weights[j, i], reference.Weight(l, j, i));
                        moved = Math.Max(moved, Math.Abs(layer.Weights[j, i] - before.Layers[l].Weights[j, i]));
                    }
                for (int b = 0; b < layer.Biases.Count; b++)
                    Compare($"bias [{l}][{b}]", layer.Biases[b], reference.Bias(l, b));
            }
            // Two implementations that both forgot to update would agree too.
            if (moved == 0.0) throw new InvalidOperationException("The training step left every weight unchanged.");
        }

        private static void Compare(string what, double core, double reference)
        {
            if (!(Math.Abs(core - reference) <= Tolerance))
                throw new InvalidOperationException($"The textbook network and the core disagree on {what}: {reference:R} vs {core:R}.");
        }
    }
}
