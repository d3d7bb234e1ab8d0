using System.IO;
using BackpropPS.Core.Explain;
using BackpropPS.Core.Pictures;
using BackpropPS.Serialization;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Draws a network (its weights), a gradient (its gradients) or a training step (old -> new) as an SVG
    /// picture or Graphviz DOT text; an existing file is replaced as Export-Csv replaces one (-NoClobber keeps it).
    /// </summary>
    [Cmdlet(VerbsData.Export, "BackpropDiagram", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBackpropDiagramCommand : FileExportCmdlet
    {
        private string _written;

        /// <summary>A network, a gradient (Get-BackpropGradient) or a training step (Invoke-BackpropStep).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>Svg or Dot; by default Dot for a .dot or .gv file and Svg for a .svg file.</summary>
        [Parameter]
        public DiagramFormat? Format { get; set; }

        /// <inheritdoc />
        protected override string FileKind => "Diagram";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            object value = Run(() => Rehydration.LiveBaseObject(InputObject), InputObject);
            Diagram diagram = Run(() => DiagramOf(value), value);
            if (diagram == null)
                Refuse("UnsupportedInputObject", $"Expected a network, a gradient or a training step; got {UserValue.Describe(value)}.", value, BackpropErrorKind.InvalidType);
            string path = Run(() => FileSystemPaths.ForWriting(this, TypedPath), TypedPath);
            if (_written != null && string.Equals(_written, path, StringComparison.Ordinal))
                Refuse("MultipleObjectsForOneFile", $"A diagram file holds one picture; a second object was piped to '{path}'.", value, BackpropErrorKind.InvalidOperation);
            DiagramFormat format = Format ?? FormatOf(path);
            path = PrepareFile();
            bool written = WriteFile(path, $"Export {format} diagram of {diagram.Title}", writer =>
            {
                if (format == DiagramFormat.Dot) DotDiagram.Write(diagram, writer, StopToken);
                else SvgDiagram.Write(diagram, writer, StopToken);
            });
            if (written) _written = path;
        }

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
            Refuse("UnknownDiagramFormat", $"Expected a .svg, .dot or .gv file, or -Format Svg or Dot; got '{path}'.", path);
            return default; // not reached: Refuse always throws
        }
    }
}
