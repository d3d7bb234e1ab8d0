using System.IO;
using BackpropPS.Core.Pictures;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws the result of Find-BackpropLearningRate as an SVG chart: raw and smoothed loss against the learning
    /// rate on a log axis, the suggested rate and the blow-up marked. The picture cmdlets' file rules apply
    /// (.svg only, -Force to replace, written whole or not at all, -WhatIf, -PassThru).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropLearningRateChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropLearningRateChartCommand : ChartExportCmdlet
    {
        private LearningRateRangeResult _result;

        /// <summary>The result of Find-BackpropLearningRate.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Result")]
        [ValidateNotNull]
        [TravellingObject]
        public LearningRateRangeResult InputObject { get; set; }

        /// <inheritdoc />
        protected override string DefaultTitle => "Learning-rate range test";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            RefuseSecond(_result != null, InputObject);
            _result = InputObject;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_result == null) return;
            var settings = new LineChartSettings { Title = Heading, Width = Width, Height = Height };
            // Checked (drawn) before the file is touched, so a result with nothing to draw leaves no file behind.
            string svg = Run(() => LearningRateChart.ToSvg(_result, settings), _result);
            WritePicture($"Export the chart of a {_result.StepsTaken}-step learning-rate range test", writer => writer.Write(svg));
        }
    }
}
