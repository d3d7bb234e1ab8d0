using System.IO;
using System.Management.Automation;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;
using BackpropPS.Internal;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws the result of Find-BackpropLearningRate as an SVG chart: raw and smoothed loss against the learning
    /// rate on a log axis, the suggested rate and the blow-up marked. The picture cmdlets' file rules apply
    /// (.svg only, -Force to replace, written whole or not at all, -WhatIf, -PassThru).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropLearningRateChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropLearningRateChartCommand : BackpropCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private string _path;
        private LearningRateRangeResult _result;

        /// <summary>The result of Find-BackpropLearningRate.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Result")]
        [ValidateNotNull]
        public LearningRateRangeResult InputObject { get; set; }

        /// <summary>The .svg file to write.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The .svg file to write, taken exactly as typed (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>The chart's caption.</summary>
        [Parameter]
        [ValidateNotNull]
        public string Title { get; set; } = "Learning-rate range test";

        /// <summary>Width in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        public int Width { get; set; } = 640;

        /// <summary>Height in pixels.</summary>
        [Parameter]
        [ValidateRange(100, 10000)]
        public int Height { get; set; } = 400;

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // The title and the path are checked before anything comes down the pipeline, so a mistake shows at once.
            Run(() => { SvgMarkup.CheckTitle(Title); return Title; }, Title);
            _path = SvgFile.Prepare(this, ParameterSetName == PathSet ? Path : LiteralPath, Force);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            SvgFile.RefuseSecond(this, _result != null, _path, InputObject);
            _result = InputObject;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_result == null) return;
            var settings = new LineChartSettings { Title = Title, Width = Width, Height = Height };
            // Checked (drawn) before the file is touched, so a result with nothing to draw leaves no file behind.
            string svg = Run(() => LearningRateChart.ToSvg(_result, settings), _result);
            SvgFile.Export(this, _path, $"Export the chart of a {_result.StepsTaken}-step learning-rate range test",
                writer => writer.Write(svg), Force, PassThru);
        }
    }
}
