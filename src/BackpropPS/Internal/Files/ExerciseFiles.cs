using System.IO;
using System.Text;
using BackpropPS.Core.Teaching;
using BackpropPS.Serialization;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The files of a worksheet, named from one base: base.csv (the sheet), base.svg (the diagram) and
    /// base.exercise.json (what grading needs); and finding and reading the exercise file of a filled sheet.
    /// </summary>
    internal static class ExerciseFiles
    {
        public const string ExerciseExtension = ".exercise.json";

        /// <summary>The base of the three names: in a folder, "exercise"; a typed name.csv loses its .csv.</summary>
        public static string Base(string resolved)
        {
            if (Directory.Exists(resolved)) return Path.Combine(resolved, "exercise");
            return resolved.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? resolved.Substring(0, resolved.Length - 4) : resolved;
        }

        /// <summary>
        /// The exercise file of a filled sheet: base.exercise.json beside it (a copy renamed by the student
        /// has none), else the one exercise file in its folder; null when there is none or more than one.
        /// </summary>
        public static string Beside(string sheet)
        {
            string folder = Path.GetDirectoryName(sheet);
            string own = Path.Combine(folder, Path.GetFileNameWithoutExtension(sheet) + ExerciseExtension);
            if (File.Exists(own)) return own;
            string[] all = Directory.GetFiles(folder, "*" + ExerciseExtension);
            return all.Length == 1 ? all[0] : null;
        }

        /// <summary>Reads an exercise file; a bad or unreadable file is a BackpropException naming it.</summary>
        public static Exercise Read(string path)
        {
            if (!File.Exists(path))
                throw new BackpropException("ExerciseFileNotFound", BackpropErrorKind.NotFound, $"Expected an exercise file at '{path}'; no such file exists.");
            try
            {
                using (var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true))) return ExerciseJson.Read(reader, path);
            }
            catch (BackpropException e) when (e.ErrorId != "InvalidExerciseFile")
            {
                // A file that is no network file is no exercise file either: one ErrorId for both.
                throw new BackpropException("InvalidExerciseFile", BackpropErrorKind.InvalidData, e.Message, e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is DecoderFallbackException)
            {
                throw new BackpropException("InvalidExerciseFile", BackpropErrorKind.InvalidData, $"Could not read the exercise file '{path}': {e.Message}", e);
            }
        }

        /// <summary>What -Exercise holds: New-BackpropExercise's output, an exercise, or the path of an exercise file.</summary>
        public static Exercise From(PSCmdlet cmdlet, object value)
        {
            // An exercise that came back through remoting is rebuilt here (or refused, naming what is wrong with it).
            switch (NumericArgument.Unwrap(Rehydration.Live(value)))
            {
                case ExerciseSheet sheet: return sheet.Exercise;
                case Exercise exercise: return exercise;
                case string typed:
                    string path = FileSystemPaths.Literal(cmdlet, typed);
                    return Read(Directory.Exists(path) ? Path.Combine(path, "exercise" + ExerciseExtension) : path);
                case FileInfo file: return Read(file.FullName);
                default:
                    throw BackpropException.Argument("UnsupportedExercise",
                        $"Expected -Exercise to be what New-BackpropExercise returns or the path of an exercise file (*{ExerciseExtension}); got {UserValue.Describe(value)}.");
            }
        }
    }
}
