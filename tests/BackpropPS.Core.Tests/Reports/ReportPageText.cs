using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core.Tests.Reports;

/// <summary>A page written to a string, and its JSON block read back.</summary>
internal static class ReportPageText
{
    public static string Write(Action<TextWriter> write)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    public static string Json(string html) =>
        Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;

    public static JObject Data(string html) => JObject.Parse(Json(html));
}
