using BackpropPS.Core.Teaching;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Grades filled worksheets: one row per quantity (the answer, the right value, correct or not, the most
    /// likely mistake and its root cause), or with -Summary one grade per sheet. A sheet is graded only against
    /// the exercise it was made for (its Fingerprint column), and a grade is Verified only when that exercise is
    /// the teacher's own (-Exercise), never a file beside the sheet that a student could have edited.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BackpropExercise", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ExerciseAnswer), typeof(ExerciseGrade))]
    public sealed class TestBackpropExerciseCommand : FileReadingCmdlet
    {
        private Exercise _exercise;
        private bool _warnedBeside;

        /// <summary>The teacher's exercise: an exercise file's path, or what New-BackpropExercise returns; by default the exercise file beside each sheet (unverified).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNull]
        public object Exercise { get; set; }

        /// <summary>Emit one grade per sheet (score, counts, first root cause, the rows in Rows) instead of the rows.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <inheritdoc />
        protected override string FileDescription => "a worksheet CSV file";

        /// <inheritdoc />
        protected override string FilesDescription => "worksheets";

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
            string sheet = System.IO.Path.GetFileName(path);
            bool teachers = _exercise != null;
            string beside = teachers ? null : Beside(path, sheet);
            Exercise exercise = _exercise ?? ExerciseFiles.Read(beside);
            string against = teachers ? $"{exercise}, given with -Exercise" : $"{exercise}, from {System.IO.Path.GetFileName(beside)} beside the sheet";
            if (!teachers) WriteVerbose($"Grading {path} with {beside}.");
            List<PSObject> records = ReadCsv(path, sheet);
            EnsureColumns(records, sheet);
            bool carries = Worksheet.CarriesFingerprint(exercise, records.Select(FingerprintCell).ToList(), sheet, against);
            if (teachers && !carries)
            {
                WriteWarning($"{sheet} carries no exercise fingerprint (its {Worksheet.FingerprintColumn} column is missing or empty), so whether it " +
                    $"was made for this exercise cannot be checked: it is graded against -Exercise and marked Verified = False. Copy the " +
                    $"{Worksheet.FingerprintColumn} column from the sheet you handed out to check it.");
            }
            ExerciseGrade grade = ExerciseGrader.Grade(exercise, Answers(records, exercise, path), sheet, verified: teachers && carries);
            WriteVerbose($"{grade.Sheet}: {grade}. {grade.Advice}");
            if (Summary) WriteObject(grade);
            else WriteObject(grade.Rows, enumerateCollection: true);
        }

        // The exercise file beside a sheet: found, and said once to be no ground for a verified grade.
        private string Beside(string path, string sheet)
        {
            string beside = ExerciseFiles.Beside(path);
            if (beside == null)
            {
                throw new BackpropException("ExerciseNotFound", BackpropErrorKind.NotFound,
                    $"Found no exercise file for '{path}': expected {System.IO.Path.GetFileNameWithoutExtension(path)}{ExerciseFiles.ExerciseExtension} " +
                    $"or a single *{ExerciseFiles.ExerciseExtension} in its folder. Give it with -Exercise.");
            }
            if (!_warnedBeside)
            {
                _warnedBeside = true;
                WriteWarning($"Grading against the exercise file beside each sheet ({System.IO.Path.GetFileName(beside)} for {sheet}): a student could have " +
                    "edited it, so the grades are marked Verified = False. Keep the exercise file New-BackpropExercise wrote where students cannot " +
                    "write, and grade with -Exercise and that file (or what New-BackpropExercise returned).");
            }
            return beside;
        }

        // The sheet as Import-Csv reads it (Excel's quoting, a BOM, a #TYPE line: ConvertFrom-Csv is Import-Csv's
        // parser), so that what a user checks with Import-Csv is what is graded; no larger than a worksheet can be.
        private List<PSObject> ReadCsv(string path, string sheet)
        {
            string text = ExerciseFiles.ReadSheet(path, sheet);
            List<PSObject> records;
            try
            {
                records = InvokeCommand.InvokeScript("param($t) $t | Microsoft.PowerShell.Utility\\ConvertFrom-Csv", true,
                    System.Management.Automation.Runspaces.PipelineResultTypes.None, null, text).ToList();
            }
            catch (RuntimeException e)
            {
                throw new BackpropException("ExerciseSheetReadFailed", BackpropErrorKind.ReadError, $"Could not read the worksheet '{path}': {e.Message}", e);
            }
            if (records.Count > Worksheet.MaxSheetRows)
            {
                throw new BackpropException("ExerciseSheetTooLarge", BackpropErrorKind.InvalidData,
                    $"{sheet} has {records.Count} rows; a worksheet is graded up to {Worksheet.MaxSheetRows} (the largest New-BackpropExercise writes has 532). Is it the filled worksheet?");
            }
            return records;
        }

        private static void EnsureColumns(List<PSObject> records, string sheet)
        {
            foreach (string column in new[] { "Quantity", "Answer" })
            {
                if (records.Count > 0 && !RecordReader.HasColumn(records[0], column))
                {
                    throw new BackpropException("MissingColumn", BackpropErrorKind.InvalidData,
                        $"{sheet} has no column '{column}'; a worksheet has Quantity and Answer. Its columns are: {string.Join(", ", RecordReader.ColumnNames(records[0]))}.");
                }
            }
        }

        private static string FingerprintCell(PSObject record, int row) =>
            RecordReader.HasColumn(record, Worksheet.FingerprintColumn) ? Text(record, Worksheet.FingerprintColumn, row) : null;

        private static string Text(PSObject record, string column, int row) => RecordReader.Cell(record, column, row + 1)?.ToString() ?? "";

        // The cells of the Quantity and Answer columns; a row that names no quantity of the step, or one given
        // twice, is an error of its own and the others are graded. A blank row (a spreadsheet leaves some) is skipped.
        private List<StudentAnswer> Answers(List<PSObject> records, Exercise exercise, string path)
        {
            string sheet = System.IO.Path.GetFileName(path);
            var answers = new List<StudentAnswer>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int r = 0; r < records.Count; r++)
            {
                string name = Text(records[r], "Quantity", r).Trim(), text = Text(records[r], "Answer", r);
                if (name.Length == 0 && text.Trim().Length == 0) continue;
                ExerciseQuantity q = exercise.Find(name);
                if (q == null)
                {
                    WriteError(RowError("UnknownQuantity",
                        $"{sheet} row {r + 1}: '{Shorten(name)}' is no quantity of this exercise (they are named as in the sheet: z_h1, a_h1, delta_o1, dE/dw1_11, w1_11, ...).", path));
                    continue;
                }
                if (!seen.Add(q.Name))
                {
                    WriteError(RowError("DuplicateQuantity", $"{sheet} row {r + 1}: {q.Name} is answered a second time; the first answer is graded.", path));
                    continue;
                }
                StudentAnswer answer = StudentAnswer.FromCell(q.Name, text);
                if (answer.ErrorId != null)
                    WriteError(RowError(answer.ErrorId, $"{sheet} row {r + 1} ({q.Name}): {answer.Problem} The row is graded as not a number.", path));
                answers.Add(answer);
            }
            return answers;
        }

        private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "..." : text;

        // One bad row of a sheet: reported, and the others are graded.
        private static ErrorRecord RowError(string errorId, string message, string path) =>
            ErrorRecords.From(new BackpropException(errorId, BackpropErrorKind.InvalidData, message), path);
    }
}
