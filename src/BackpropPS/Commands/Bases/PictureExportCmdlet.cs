using System.IO;
using BackpropPS.Core.Pictures;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the picture cmdlets (charts, decision boundaries, weight tiles, image grids, confusion matrices):
    /// on top of <see cref="FileExportCmdlet"/>, -Title checked as SVG text, .svg files only, and one picture per
    /// file. The title and the path are checked before anything comes down the pipeline, so a mistake shows at
    /// once; the picture is drawn at the end, from what came.
    /// </summary>
    public abstract class PictureExportCmdlet : FileExportCmdlet
    {
        /// <summary>The picture's heading, instead of the default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public string Title { get; set; }

        /// <summary>The heading when -Title is not given; null where the picture names what it shows itself.</summary>
        protected virtual string DefaultTitle => null;

        /// <summary>-Title, or the default heading.</summary>
        protected string Heading => Title ?? DefaultTitle;

        /// <inheritdoc />
        protected override string FileKind => "Image";

        /// <summary>The checked path of the picture file.</summary>
        protected string PicturePath { get; private set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (Heading != null) Run(() => SvgMarkup.CheckTitle(Heading), Heading);
            string resolved = Run(() => Internal.FileSystemPaths.ForWriting(this, TypedPath), TypedPath);
            if (!string.Equals(System.IO.Path.GetExtension(resolved), ".svg", StringComparison.OrdinalIgnoreCase))
            {
                Refuse("UnsupportedImageFormat",
                    $"Expected a .svg file; got '{resolved}'. The pictures are SVG (a PNG would need a native image library); any SVG viewer or converter turns one into a PNG.",
                    TypedPath);
            }
            PicturePath = PrepareFile();
        }

        /// <summary>A second object piped to a command that draws one picture into one file.</summary>
        protected void RefuseSecond(bool seen, object value)
        {
            if (seen)
            {
                Refuse("MultipleObjectsForOneFile", $"A picture file holds one picture; a second object was piped to '{PicturePath}'.",
                    value, BackpropErrorKind.InvalidOperation);
            }
        }

        /// <summary>Writes the picture (see <see cref="FileExportCmdlet.WriteFile"/>).</summary>
        protected void WritePicture(string action, Action<TextWriter> write) => WriteFile(PicturePath, action, write);
    }
}
