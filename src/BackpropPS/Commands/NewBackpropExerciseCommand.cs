using System.IO;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Teaching;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Makes an exercise (one training step of a small network, from the seed example or drawn from a seed) and
    /// writes it as a worksheet: a CSV with a row per quantity to compute, the diagram with the given numbers
    /// and blanks, and the exercise file Test-BackpropExercise grades with.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "BackpropExercise", DefaultParameterSetName = SeedSet, SupportsShouldProcess = true)]
    [OutputType(typeof(ExerciseSheet))]
    public sealed class NewBackpropExerciseCommand : BackpropCmdlet
    {
        private const string SeedSet = "Seed";
        private const string ExampleSet = "Example";

        /// <summary>The seed the network, input and target are drawn from; each student can get their own.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SeedSet)]
        [WholeNumber]
        public int Seed { get; set; }

        /// <summary>Layer sizes from input to output, as for New-BackpropNetwork.</summary>
        [Parameter(ParameterSetName = SeedSet)]
        [ValidateNotNullOrEmpty]
        [WholeNumber]
        public int[] LayerSize { get; set; } = { 2, 2, 2 };

        /// <summary>One activation for every layer, or one per layer.</summary>
        [Parameter(ParameterSetName = SeedSet)]
        [ValidateNotNullOrEmpty]
        public Activation[] Activation { get; set; } = { Core.Activation.Sigmoid };

        /// <summary>How many biases each layer has.</summary>
        [Parameter(ParameterSetName = SeedSet)]
        public BiasMode BiasMode { get; set; } = BiasMode.PerNeuron;

        /// <summary>The loss; by default the one the output layer goes with (Losses.DefaultFor).</summary>
        [Parameter(ParameterSetName = SeedSet)]
        public LossFunction? Loss { get; set; }

        /// <summary>The seed walk-through's own step: its network, 0.05, 0.10 -> 0.01, 0.99.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExampleSet)]
        public NetworkExample Example { get; set; }

        /// <summary>The learning rate of the step.</summary>
        [Parameter]
        [DecimalNumber]
        public double LearningRate { get; set; } = Exercise.DefaultLearningRate;

        /// <summary>The parts to ask for: Forward (z, a), Backward (deltas, gradients), Update (new parameters).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ExercisePart[] Part { get; set; }

        /// <summary>Only these layers' quantities (from 1); all layers by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [WholeNumber]
        public int[] Layer { get; set; }

        /// <summary>How many decimals an answer must have right; the tolerance is one unit in the last of them.</summary>
        [Parameter]
        [ValidateRange(0, Exercise.MaxDecimals)]
        [WholeNumber]
        public int Decimals { get; set; } = Exercise.DefaultDecimals;

        /// <summary>A folder (files named exercise.*) or a base name (base.csv, base.svg, base.exercise.json); without it nothing is written.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Replace the files if they exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Exercise exercise = Run(() => ParameterSetName == ExampleSet
                ? Exercise.StepByStep(LearningRate, Decimals, Part, Layer)
                : Exercise.FromSeed(Seed, LayerSize, Activation, BiasMode, Loss, LearningRate, Decimals, Part, Layer), Path);
            if (Path == null)
            {
                WriteObject(new ExerciseSheet(exercise, null, null, null));
                return;
            }

            string name = ExerciseFiles.Base(Run(() => FileSystemPaths.ForWriting(this, Path), Path));
            string csv = Prepare(name + ".csv"), svg = Prepare(name + ".svg"), json = Prepare(name + ExerciseFiles.ExerciseExtension);
            if (!ShouldProcess(name + ".*", $"Write a worksheet of {exercise.Quantities.Count} quantities ({System.IO.Path.GetFileName(csv)}, .svg, {ExerciseFiles.ExerciseExtension})"))
                return;
            // The exercise first: a sheet is only handed out with what grades it.
            Write(json, writer => ExerciseJson.Write(exercise, writer));
            Write(csv, writer => Worksheet.WriteCsv(exercise, writer));
            Write(svg, writer => SvgDiagram.Write(Worksheet.Diagram(exercise), writer));
            WriteVerbose($"Wrote {exercise.Quantities.Count} quantities to {csv}, the diagram to {svg} and the exercise to {json} " +
                $"(fingerprint {exercise.Fingerprint}). Hand out the sheet and the diagram; keep the exercise file to grade with -Exercise.");
            WriteObject(new ExerciseSheet(exercise, csv, svg, json));
        }

        // All three are checked before any is written, so that a sheet is not left without its exercise file.
        private string Prepare(string path) => Run(() => ExportFile.Prepare(this, path, Force, "ExerciseFileExists"), path);

        private void Write(string path, Action<TextWriter> write) =>
            Run(() => ExportFile.Write(path, write, "ExerciseFileWriteFailed", Force ? null : "ExerciseFileExists"), path);
    }
}
