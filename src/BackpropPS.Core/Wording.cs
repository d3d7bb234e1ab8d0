namespace BackpropPS.Core
{
    /// <summary>Small helpers for readable messages.</summary>
    public static class Wording
    {
        /// <summary>"1 output", "3 outputs": a count with its noun in the right number.</summary>
        public static string Count(int count, string singular, string plural = null) =>
            $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
    }
}
