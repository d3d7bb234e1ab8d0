namespace BackpropPS.Core.Teaching
{
    /// <summary>What most likely went wrong in a wrong answer: a common mistake that, recomputed, gives it.</summary>
    public enum ExerciseMistake
    {
        /// <summary>The answer is right, missing or not a number.</summary>
        None,
        /// <summary>Used the activation a where its derivative belongs (a instead of a(1 - a) for a sigmoid).</summary>
        ActivationAsDerivative,
        /// <summary>Left out the activation's derivative da/dz.</summary>
        ForgotActivationDerivative,
        /// <summary>Used the updated weights of the layer above instead of the old ones in the downstream sum.</summary>
        NewWeightInDownstreamSum,
        /// <summary>Left out one delta from a shared bias's sum of its layer's deltas.</summary>
        DroppedBiasSumTerm,
        /// <summary>The sign is flipped (for an update: the step added instead of subtracted).</summary>
        SignFlipped,
        /// <summary>Used z where a belongs: as the input of the next layer or of a weight's gradient, or in the derivative.</summary>
        ZInsteadOfA,
        /// <summary>Left out the bias from z.</summary>
        ForgotBias,
        /// <summary>Subtracted the whole gradient, without the learning rate.</summary>
        ForgotLearningRate,
        /// <summary>Computed the right way, but from a wrong earlier answer (see RootCause).</summary>
        FromWrongEarlierAnswer,
        /// <summary>Wrong, and no common mistake gives this value.</summary>
        Unknown,
    }

    /// <summary>The mistakes in words, for the grader's messages.</summary>
    public static class ExerciseMistakes
    {
        /// <summary>A short sentence for a mistake (without the quantity's name).</summary>
        public static string Describe(ExerciseMistake mistake)
        {
            switch (mistake)
            {
                case ExerciseMistake.ActivationAsDerivative: return "used a instead of the activation's derivative (a(1 - a) for a sigmoid)";
                case ExerciseMistake.ForgotActivationDerivative: return "left out the activation's derivative da/dz";
                case ExerciseMistake.NewWeightInDownstreamSum: return "used the updated weights instead of the old ones in the downstream sum";
                case ExerciseMistake.DroppedBiasSumTerm: return "left out a delta from the shared bias's sum";
                case ExerciseMistake.SignFlipped: return "the sign is flipped";
                case ExerciseMistake.ZInsteadOfA: return "used z instead of a";
                case ExerciseMistake.ForgotBias: return "left out the bias";
                case ExerciseMistake.ForgotLearningRate: return "left out the learning rate";
                case ExerciseMistake.FromWrongEarlierAnswer: return "computed the right way from a wrong earlier answer";
                case ExerciseMistake.Unknown: return "no common mistake gives this value";
                default: return "";
            }
        }
    }
}
