using System.Globalization;
using BackpropPS.Core.Data;
using BackpropPS.Core.Teaching;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Grades filled worksheets: one row per quantity (the answer, the right value, correct or not, the most
    /// likely mistake and its root cause), or with -Summary one grade per sheet.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BackpropExercise", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ExerciseAnswer), typeof(ExerciseGrade))]
    public sealed class TestBackpropExerciseCommand : FileReadingCmdlet
    {
        private Exercise _exercise;

        /// <summary>The exercise: an exercise file's path, or what New-BackpropExercise returns; by default the exercise file beside each sheet.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNull]
        public object Exercise { get; set; }

        /// <summary>Emit one grade per sheet (score, counts, first root cause, the rows in Rows) instead of the rows.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <inheritdoc />
        protected override string FileDescription => "a worksheet CSV file";

        /// <inheritdoc />
        protected override string NotFoundErrorId => "ExerciseSheetNotFound";

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (Exercise != null) _exercise = Run(() => ExerciseFiles.From(this, Exercise), Exercise);
        }

        /// <inheritdoc />
        protected override void Read(string path)
        {
            Exercise exercise = _exercise;
            if (exercise == null)
            {
                string beside = ExerciseFiles.Beside(path);
                if (beside == null)
                {
                    throw new BackpropException("ExerciseNotFound", BackpropErrorKind.NotFound,
                        $"Found no exercise file for '{path}': expected {System.IO.Path.GetFileNameWithoutExtension(path)}{ExerciseFiles.ExerciseExtension} " +
                        $"or a single *{ExerciseFiles.ExerciseExtension} in its folder. Give it with -Exercise.");
                }
                exercise = ExerciseFiles.Read(beside);
                WriteVerbose($"Grading {path} with {beside}.");
            }
            List<PSObject> records = ReadCsv(path);
            var answers = Answers(records, exercise, path);
            ExerciseGrade grade = ExerciseGrader.Grade(exercise, answers, System.IO.Path.GetFileName(path));
            WriteVerbose($"{grade.Sheet}: {grade}. {grade.Advice}");
            if (Summary) WriteObject(grade);
            else WriteObject(grade.Rows, enumerateCollection: true);
        }

        // The sheet as Import-Csv reads it (Excel's quoting, a BOM, a #TYPE line), so that what a user checks
        // with Import-Csv is what is graded.
        private List<PSObject> ReadCsv(string path)
        {
            try
            {
                return InvokeCommand.InvokeScript("param($p) Microsoft.PowerShell.Utility\\Import-Csv -LiteralPath $p", true,
                    System.Management.Automation.Runspaces.PipelineResultTypes.None, null, path).ToList();
            }
            catch (RuntimeException e)
            {
                throw new BackpropException("ExerciseSheetReadFailed", BackpropErrorKind.ReadError, $"Could not read the worksheet '{path}': {e.Message}", e);
            }
        }

        // The cells of the Quantity and Answer columns; a row that names no quantity of the step, or one given
        // twice, is an error of its own and the others are graded.
        private List<StudentAnswer> Answers(List<PSObject> records, Exercise exercise, string path)
        {
            string sheet = System.IO.Path.GetFileName(path);
            foreach (string column in new[] { "Quantity", "Answer" })
            {
                if (records.Count > 0 && !RecordReader.HasColumn(records[0], column))
                {
                    throw new BackpropException("MissingColumn", BackpropErrorKind.InvalidData,
                        $"{sheet} has no column '{column}'; a worksheet has Quantity and Answer. Its columns are: {string.Join(", ", RecordReader.ColumnNames(records[0]))}.");
                }
            }
            var answers = new List<StudentAnswer>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int r = 0; r < records.Count; r++)
            {
                string name = RecordReader.Cell(records[r], "Quantity", r + 1)?.ToString()?.Trim() ?? "";
                ExerciseQuantity q = exercise.Find(name);
                if (q == null)
                {
                    WriteError(RowError("UnknownQuantity",
                        $"{sheet} row {r + 1}: '{name}' is no quantity of this exercise (they are named as in the sheet: z_h1, a_h1, delta_o1, dE/dw1_11, w1_11, ...).", path));
                    continue;
                }
                if (!seen.Add(q.Name))
                {
                    WriteError(RowError("DuplicateQuantity", $"{sheet} row {r + 1}: {q.Name} is answered a second time; the first answer is graded.", path));
                    continue;
                }
                object cell = RecordReader.Cell(records[r], "Answer", r + 1);
                string text = cell?.ToString() ?? "";
                double? value = null;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    if (NumberValue.TryRead(cell, CultureInfo.InvariantCulture, out double number) && !double.IsNaN(number) && !double.IsInfinity(number))
                        value = number;
                    else
                        WriteError(RowError("NonNumericAnswer",
                            $"{sheet} row {r + 1} ({q.Name}): expected a number; got '{text}'.{NumberText.Advice(text, null, null)} The row is graded as not a number.", path));
                }
                answers.Add(new StudentAnswer(q.Name, text, value));
            }
            return answers;
        }

        // One bad row of a sheet: reported, and the others are graded.
        private static ErrorRecord RowError(string errorId, string message, string path) =>
            ErrorRecords.From(new BackpropException(errorId, BackpropErrorKind.InvalidData, message), path);
    }
}
