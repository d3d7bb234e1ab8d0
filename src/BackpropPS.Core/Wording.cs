using System.Globalization;
using System.Text;

namespace BackpropPS.Core
{
    /// <summary>Small helpers for readable messages.</summary>
    public static class Wording
    {
        /// <summary>"1 output", "3 outputs": a count with its noun in the right number.</summary>
        public static string Count(int count, string singular, string plural = null) =>
            $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

        /// <summary>A size in bytes as a person reads it: "512 MB", "4.3 GB" (invariant culture).</summary>
        public static string Bytes(double bytes)
        {
            string[] units = { "bytes", "KB", "MB", "GB", "TB", "PB" };
            int unit = 0;
            while (bytes >= 1024 && unit < units.Length - 1) { bytes /= 1024; unit++; }
            return (unit == 0 ? bytes.ToString("0", CultureInfo.InvariantCulture) : bytes.ToString("0.#", CultureInfo.InvariantCulture)) + " " + units[unit];
        }

        /// <summary>Text with its control characters as PowerShell escapes (`0, `u{1}), so that a message shows what was typed.</summary>
        public static string Visible(string text)
        {
            var visible = new StringBuilder();
            foreach (char c in text)
            {
                if (c == '\0') visible.Append("`0");
                else if (char.IsControl(c) || char.IsSurrogate(c)) visible.Append("`u{").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append('}');
                else visible.Append(c);
            }
            return visible.ToString();
        }

        /// <summary>A whole number with thousands separators, in the invariant culture: "4,294,967,296".</summary>
        public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
