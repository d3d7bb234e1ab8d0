namespace BackpropPS.Core.Teaching
{
    /// <summary>
    /// Grades a filled worksheet. A wrong answer is first recomputed the right way from the student's own
    /// earlier answers: if that gives it, the mistake is upstream (its root cause is the earlier answer's).
    /// Otherwise each common mistake is injected in turn (from the student's earlier answers, then from the
    /// right ones) and the first that gives the answer is named.
    /// </summary>
    public static class ExerciseGrader
    {
        /// <summary>
        /// Grades <paramref name="answers"/> (one per quantity; others are ignored) against <paramref name="exercise"/>;
        /// <paramref name="verified"/> says whether the exercise is the teacher's own and the sheet carries its fingerprint.
        /// </summary>
        public static ExerciseGrade Grade(Exercise exercise, IEnumerable<StudentAnswer> answers, string sheet = "", bool verified = false)
        {
            if (exercise == null) throw new ArgumentNullException(nameof(exercise));
            var given = new Dictionary<string, StudentAnswer>(StringComparer.OrdinalIgnoreCase);
            foreach (StudentAnswer answer in answers ?? Enumerable.Empty<StudentAnswer>())
            {
                ExerciseQuantity q = exercise.Find(answer?.Quantity);
                if (q != null && !given.ContainsKey(q.Name)) given[q.Name] = answer;
            }
            // The student's number where they gave one, the right value elsewhere (not asked, empty, not a number).
            double Student(string name) =>
                given.TryGetValue(name, out StudentAnswer a) && a.Value.HasValue && IsFinite(a.Value.Value) ? a.Value.Value : exercise.Find(name).Expected;
            double Right(string name) => exercise.Find(name).Expected;

            var rootCause = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var rows = new List<ExerciseAnswer>();
            foreach (ExerciseQuantity q in exercise.Quantities)
            {
                given.TryGetValue(q.Name, out StudentAnswer answer);
                var row = new ExerciseAnswer
                {
                    Sheet = sheet ?? "", Quantity = q.Name, Part = q.Part, Layer = q.Layer, Expected = q.Expected,
                    Mistake = ExerciseMistake.None, RootCause = "", Message = "", Verified = verified,
                };
                rows.Add(row);
                if (answer == null || string.IsNullOrWhiteSpace(answer.Text) && !answer.Value.HasValue)
                {
                    row.Status = AnswerStatus.Missing;
                    row.Message = $"{q.Name} has no answer.";
                    continue;
                }
                if (!answer.Value.HasValue || !IsFinite(answer.Value.Value))
                {
                    row.Status = AnswerStatus.NotANumber;
                    row.Message = $"{q.Name}: {answer.Problem}";
                    continue;
                }
                double s = answer.Value.Value;
                row.Answer = s;
                if (Close(exercise, s, q.Expected))
                {
                    row.Status = AnswerStatus.Correct;
                    row.Correct = true;
                    continue;
                }
                row.Status = AnswerStatus.Wrong;
                string wrongInput = StepFormulas.Inputs(exercise, q).FirstOrDefault(rootCause.ContainsKey);
                if (wrongInput != null && Close(exercise, s, StepFormulas.Compute(exercise, q, Student, ExerciseMistake.None)))
                {
                    row.Mistake = ExerciseMistake.FromWrongEarlierAnswer;
                    row.RootCause = rootCause[wrongInput];
                    row.Message = $"{q.Name} is wrong because {row.RootCause} is; fix that first.";
                }
                else
                {
                    var (mistake, variant) = Diagnose(exercise, q, s, Student);
                    if (mistake == ExerciseMistake.Unknown && wrongInput != null) (mistake, variant) = Diagnose(exercise, q, s, Right);
                    row.Mistake = mistake;
                    row.RootCause = q.Name;
                    row.Message = $"{q.Name}: {Describe(exercise, q, mistake, variant)}.";
                }
                rootCause[q.Name] = row.RootCause;
            }
            ExerciseGrade grade = Summarise(rows, sheet);
            grade.Verified = verified;
            grade.Fingerprint = exercise.Fingerprint;
            return grade;
        }

        // The first common mistake that, injected, gives the student's value.
        private static (ExerciseMistake, int) Diagnose(Exercise exercise, ExerciseQuantity q, double s, Func<string, double> get)
        {
            foreach (ExerciseMistake mistake in Models)
                for (int v = 0; v < StepFormulas.Variants(exercise, q, mistake); v++)
                    if (Close(exercise, s, StepFormulas.Compute(exercise, q, get, mistake, v))) return (mistake, v);
            return (ExerciseMistake.Unknown, 0);
        }

        private static readonly ExerciseMistake[] Models =
        {
            ExerciseMistake.ActivationAsDerivative, ExerciseMistake.ForgotActivationDerivative, ExerciseMistake.NewWeightInDownstreamSum,
            ExerciseMistake.DroppedBiasSumTerm, ExerciseMistake.SignFlipped, ExerciseMistake.ZInsteadOfA, ExerciseMistake.ForgotBias,
            ExerciseMistake.ForgotLearningRate,
        };

        private static string Describe(Exercise exercise, ExerciseQuantity q, ExerciseMistake mistake, int variant)
        {
            if (mistake == ExerciseMistake.DroppedBiasSumTerm)
                return $"left out {StepQuantities.Delta(exercise.Network, q.Layer, variant + 1)} from the shared bias's sum of deltas";
            if (mistake == ExerciseMistake.SignFlipped && q.Part == ExercisePart.Update)
                return "the sign is flipped: the step adds the learning rate times the gradient instead of subtracting it";
            return ExerciseMistakes.Describe(mistake);
        }

        private static ExerciseGrade Summarise(List<ExerciseAnswer> rows, string sheet)
        {
            ExerciseAnswer first = rows.FirstOrDefault(r => r.Status == AnswerStatus.Wrong);
            string root = first?.RootCause ?? "";
            ExerciseAnswer rootRow = rows.FirstOrDefault(r => r.Quantity == root);
            int follow = rows.Count(r => r.Mistake == ExerciseMistake.FromWrongEarlierAnswer && r.RootCause == root);
            int correct = rows.Count(r => r.Correct);
            return new ExerciseGrade
            {
                Sheet = sheet ?? "",
                Rows = rows.AsReadOnly(),
                Total = rows.Count,
                Correct = correct,
                Wrong = rows.Count(r => r.Status == AnswerStatus.Wrong),
                Unanswered = rows.Count(r => r.Status == AnswerStatus.Missing || r.Status == AnswerStatus.NotANumber),
                Score = rows.Count == 0 ? 100.0 : 100.0 * correct / rows.Count,
                FirstRootCause = root,
                Advice = rootRow == null ? "" : $"Start with {rootRow.Message.TrimEnd('.')}" +
                    (follow == 0 ? "." : $"; {Wording.Count(follow, "later answer follows", "later answers follow")} from it."),
            };
        }

        // One unit in the last decimal asked for, with room for the rounding of the double itself.
        private static bool Close(Exercise exercise, double answer, double value) =>
            IsFinite(value) && Math.Abs(answer - value) <= exercise.Tolerance * (1 + 1e-9);

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
