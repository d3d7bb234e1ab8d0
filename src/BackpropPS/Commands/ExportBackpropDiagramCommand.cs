using System.IO;
using System.Management.Automation;
using System.Threading;
using System;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Core;
using BackpropPS.Internal;
using BackpropPS.Serialization;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws a network (its weights), a gradient (its gradients) or a training step (old -> new) as an SVG
    /// picture or Graphviz DOT text; an existing file is replaced only with -Force.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropDiagram", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropDiagramCommand : BackpropCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private string _written;

        /// <summary>A network, a gradient (Get-BackpropGradient) or a training step (Invoke-BackpropStep).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>The file to write.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The file to write, taken exactly as typed (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Svg or Dot; by default Dot for a .dot or .gv file and Svg for a .svg file.</summary>
        [Parameter]
        public DiagramFormat? Format { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            object value = RehydratingConverter.LiveObject(InputObject);
            Diagram diagram = Run(() => DiagramOf(value), value);
            if (diagram == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("UnsupportedInputObject", ErrorCategory.InvalidType,
                    $"Expected a network, a gradient or a training step; got {UserValue.Describe(value)}.", value));
            }

            string typed = ParameterSetName == PathSet ? Path : LiteralPath;
            string path = FileSystemPaths.ForWriting(this, typed);
            if (_written != null && string.Equals(_written, path, StringComparison.Ordinal))
            {
                ThrowTerminatingError(ErrorRecords.Create("MultipleObjectsForOneFile", ErrorCategory.InvalidOperation,
                    $"A diagram file holds one picture; a second object was piped to '{path}'.", value));
            }
            DiagramFormat format = Format ?? FormatOf(path);
            path = ExportFile.Prepare(this, typed, Force, "DiagramFileExists");
            if (!ShouldProcess(path, $"Export {format} diagram of {diagram.Title}")) return;

            try
            {
                ExportFile.Write(this, path, writer =>
                {
                    if (format == DiagramFormat.Dot) DotDiagram.Write(diagram, writer, _stop.Token);
                    else SvgDiagram.Write(diagram, writer, _stop.Token);
                }, "DiagramFileWriteFailed", path, Force ? null : "DiagramFileExists");
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the half-written temporary file is gone and the target untouched.
                throw new PipelineStoppedException();
            }
            _written = path;
            if (PassThru) WriteObject(ExportFile.Written(this, path));
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>Releases the stop signal.</summary>
        public void Dispose() => _stop.Dispose();

        private static Diagram DiagramOf(object value)
        {
            switch (value)
            {
                case Network network: return Diagram.Of(network);
                case Gradient gradient: return Diagram.Of(gradient);
                case TrainingStep step: return Diagram.Of(step);
                default: return null;
            }
        }

        private DiagramFormat FormatOf(string path)
        {
            string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
            if (extension == ".svg") return DiagramFormat.Svg;
            if (extension == ".dot" || extension == ".gv") return DiagramFormat.Dot;
            ThrowTerminatingError(ErrorRecords.Create("UnknownDiagramFormat", ErrorCategory.InvalidArgument,
                $"Expected a .svg, .dot or .gv file, or -Format Svg or Dot; got '{path}'.", path));
            return default; // not reached: ThrowTerminatingError always throws
        }
    }
}
