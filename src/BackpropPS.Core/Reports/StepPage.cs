using System.IO;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Core.Reports
{
    /// <summary>
    /// The page of one training step or several (Invoke-BackpropStep's results): the network diagram with every
    /// neuron's z, a and delta and every weight's old and new value, the chain-rule derivation of any parameter
    /// (the rows of <see cref="TrainingStep.Trace"/>, the same as Get-BackpropParameter's), a Play button that
    /// runs forward, backward and the update, and a slider over the steps.
    /// </summary>
    public static class StepPage
    {
        /// <summary>The columns of a trace row in the page's JSON, in order (the names of <see cref="ParameterTrace"/>'s properties).</summary>
        public static readonly IReadOnlyList<string> TraceColumns = new[]
        {
            "Name", "Layer", "Kind", "From", "To", "Old", "Gradient", "New", "LearningRate", "SampleCount", "LossDerivative",
            "Downstream", "DownstreamTerms", "ActivationDerivative", "Delta", "Input", "DeltaSum", "DeltaTerms",
        };

        /// <summary>Refuses what a step page cannot show: no step, or a network too large to draw.</summary>
        public static void Check(IReadOnlyList<TrainingStep> steps)
        {
            if (steps.Count == 0)
                throw new BackpropException("EmptyReport", BackpropErrorKind.InvalidData, "Expected training steps (Invoke-BackpropStep's results) or epoch rows; nothing came.");
            foreach (TrainingStep step in steps)
            {
                if (step.Before.ParameterCount > ReportLimits.MaxStepParameters)
                {
                    throw new BackpropException("ReportNetworkTooLarge", BackpropErrorKind.LimitsExceeded,
                        $"A step page draws every parameter of its network, at most {ReportLimits.Count(ReportLimits.MaxStepParameters)}; this step's {step.Before.Shape} network has {ReportLimits.Count(step.Before.ParameterCount)}. Export its training run (epoch rows) instead, or explain one parameter with Get-BackpropParameter.");
                }
            }
        }

        /// <summary>Writes the page of <paramref name="steps"/> (at most <see cref="ReportLimits.MaxStoredSteps"/> kept).</summary>
        public static void Write(IReadOnlyList<TrainingStep> steps, TextWriter writer, string title)
        {
            Check(steps);
            int[] kept = ReportLimits.Sample(steps.Count, ReportLimits.MaxStoredSteps);
            ReportPage.Write(writer, title ?? DefaultTitle(steps), "step.js", json =>
            {
                json.Start();
                json.Value("kind", "step");
                json.Colours();
                json.Value("stepCount", steps.Count);
                json.Strings("traceColumns", TraceColumns);
                WriteLayout(json, steps[kept[0]]);
                json.StartArray("steps");
                foreach (int k in kept) WriteStep(json, steps[k], k + 1);
                json.EndArray();
                json.End();
            });
        }

        private static string DefaultTitle(IReadOnlyList<TrainingStep> steps) => steps.Count == 1
            ? $"One training step of a {steps[0].Before.Shape} network"
            : $"{ReportLimits.Count(steps.Count)} training steps of a {steps[0].Before.Shape} network";

        // Where the SVG diagram (Export-BackpropDiagram) puts each node and each weight's label, so that the page draws
        // the same picture: labels beside their own lines, where no other line, node or label is. Laid out once, from
        // the first step kept; later steps' labels have the same names and nearly the same widths.
        private static void WriteLayout(ReportJson json, TrainingStep step)
        {
            Diagram diagram = Diagram.OfStepPage(step);
            DiagramLayout layout = DiagramLayout.Of(diagram, 0);
            json.StartObject("layout");
            json.Value("width", layout.Width);
            json.Value("height", layout.Height);
            json.StartObject("nodes");
            foreach (DiagramNode node in diagram.Nodes)
            {
                var (x, y) = layout.Place[node.Id];
                // A shared bias is a box of the SVG's size, its label inside.
                var size = node.Kind == DiagramNodeKind.Bias ? DiagramLayout.BiasSize(node) : (0, 0);
                json.Numbers(node.Id, node.Kind == DiagramNodeKind.Bias ? new[] { x, y, size.Width, size.Height } : new[] { x, y });
            }
            json.End();
            json.StartObject("labels");
            foreach (var label in layout.Labels.Where(l => !l.Key.IsBias))
            {
                LabelBox box = label.Value.Box;
                json.Numbers(label.Key.Parameter, new[] { box.X, box.Y, box.Angle, box.Width, box.Height });
            }
            json.End();
            json.End();
        }

        private static void WriteStep(ReportJson json, TrainingStep step, int number)
        {
            json.Writer.WriteStartObject();
            json.Value("number", number);
            json.Value("loss", step.Loss);
            json.Value("learningRate", step.LearningRate);
            json.Value("lossFunction", step.LossFunction.ToString());
            json.Value("samples", step.SampleCount);
            json.Rows("input", step.Input);
            json.Rows("target", step.Target);
            json.Rows("output", step.Output);
            json.StartArray("layers");
            for (int l = 0; l < step.Before.Layers.Count; l++)
            {
                Layer before = step.Before.Layers[l], after = step.After.Layers[l];
                json.Writer.WriteStartObject();
                json.Value("activation", before.Activation.ToString());
                json.Value("biasMode", before.BiasMode.ToString());
                json.Strings("names", Enumerable.Range(1, before.OutputSize).Select(j => NeuronNames.Neuron(step.Before, l + 1, j)));
                json.Rows("weights", before.Weights);
                json.Rows("newWeights", after.Weights);
                json.Numbers("biases", before.Biases);
                json.Numbers("newBiases", after.Biases);
                json.Rows("z", step.Forward.Z[l]);
                json.Rows("a", step.Forward.A[l]);
                json.Rows("delta", step.Gradient.Delta[l]);
                json.Writer.WriteEndObject();
            }
            json.EndArray();
            // The rows Get-BackpropParameter emits for this step, as arrays in TraceColumns' order.
            json.StartArray("trace");
            foreach (ParameterTrace t in step.Trace)
            {
                var w = json.Writer;
                w.WriteStartArray();
                w.WriteValue(t.Name); w.WriteValue(t.Layer); w.WriteValue(t.Kind.ToString()); w.WriteValue(t.From); w.WriteValue(t.To);
                w.WriteValue(t.Old); w.WriteValue(t.Gradient); w.WriteValue(t.New); w.WriteValue(t.LearningRate); w.WriteValue(t.SampleCount);
                w.WriteValue(t.LossDerivative); w.WriteValue(t.Downstream); w.WriteValue(t.DownstreamTerms); w.WriteValue(t.ActivationDerivative);
                w.WriteValue(t.Delta); w.WriteValue(t.Input); w.WriteValue(t.DeltaSum); w.WriteValue(t.DeltaTerms);
                w.WriteEndArray();
            }
            json.EndArray();
            json.Writer.WriteEndObject();
        }
    }
}
