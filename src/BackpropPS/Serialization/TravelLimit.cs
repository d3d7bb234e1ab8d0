namespace BackpropPS.Serialization
{
    /// <summary>
    /// How much data one object carries through a job, a remote session or Export-Clixml: a data set, or the batch of a
    /// forward pass, gradient or step, travels as text (about 20 characters a number), so one of millions of numbers
    /// would be hundreds of megabytes of XML. Digits (1,797 x 74 numbers) travels; a 10,000- or 60,000-image part of
    /// Fashion-MNIST or MNIST does not: it is loaded where it is used.
    /// </summary>
    internal static class TravelLimit
    {
        /// <summary>The most numbers (inputs and targets together) one object carries: at most about 50 MB of text.</summary>
        public const long MaxValues = 2_000_000;

        /// <summary>True when <paramref name="values"/> numbers may travel.</summary>
        public static bool Fits(long values) => values >= 0 && values <= MaxValues;

        /// <summary>
        /// The refusal of an object that stayed behind: <paramref name="what"/> ("The data set 'FashionMnist (Train)'")
        /// holds <paramref name="values"/> numbers; <paramref name="advice"/> says where to make it instead.
        /// </summary>
        public static BackpropException TooLarge(string what, long values, string advice) =>
            new BackpropException("TooLargeToTravel", BackpropErrorKind.LimitsExceeded,
                $"{what} holds {Wording.Number(values)} numbers, more than the {Wording.Number(MaxValues)} one object may carry through " +
                $"a job, a remote session or Export-Clixml, so they were left behind. {advice}");
    }
}
