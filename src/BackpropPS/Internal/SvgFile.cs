using System;
using System.IO;
using System.Management.Automation;

namespace BackpropPS.Internal
{
    /// <summary>
    /// What the picture cmdlets (weight tiles, image grids, confusion heat maps) share on top of ExportFile:
    /// only .svg files, the same ErrorIds, one picture per file, and -WhatIf / -PassThru.
    /// </summary>
    internal static class SvgFile
    {
        public const string ExistsErrorId = "ImageFileExists";

        /// <summary>The provider path for <paramref name="typed"/>, or a terminating error saying why it cannot be written.</summary>
        public static string Prepare(PSCmdlet cmdlet, string typed, bool force)
        {
            string resolved = FileSystemPaths.ForWriting(cmdlet, typed);
            if (!string.Equals(Path.GetExtension(resolved), ".svg", StringComparison.OrdinalIgnoreCase))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create("UnsupportedImageFormat", ErrorCategory.InvalidArgument,
                    $"Expected a .svg file; got '{resolved}'. The pictures are SVG (a PNG would need a native image library); any SVG viewer or converter turns one into a PNG.", typed));
            }
            return ExportFile.Prepare(cmdlet, typed, force, ExistsErrorId);
        }

        /// <summary>A second object piped to a command that draws one picture into one file.</summary>
        public static void RefuseSecond(PSCmdlet cmdlet, bool seen, string path, object value)
        {
            if (!seen) return;
            cmdlet.ThrowTerminatingError(ErrorRecords.Create("MultipleObjectsForOneFile", ErrorCategory.InvalidOperation,
                $"A picture file holds one picture; a second object was piped to '{path}'.", value));
        }

        /// <summary>
        /// Writes the picture atomically after ShouldProcess (without -Force, only if no other writer created
        /// the file meanwhile), and emits the file as Get-Item does with -PassThru.
        /// </summary>
        public static void Export(PSCmdlet cmdlet, string path, string action, Action<TextWriter> write, bool force, bool passThru)
        {
            if (!cmdlet.ShouldProcess(path, action)) return;
            ExportFile.Write(cmdlet, path, write, "ImageFileWriteFailed", path, force ? null : ExistsErrorId);
            if (passThru) cmdlet.WriteObject(ExportFile.Written(cmdlet, path));
        }
    }
}
