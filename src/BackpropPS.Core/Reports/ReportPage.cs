using System.IO;
using System.Net;
using System.Reflection;

namespace BackpropPS.Core.Reports
{
    /// <summary>
    /// The frame of a page: one HTML file with its CSS and JavaScript inline and its data as JSON in a
    /// &lt;script type="application/json" id="report-data"&gt; block. Nothing is fetched: no CDN, font, image or script
    /// from anywhere, so the file works offline. The scripts are hand-written files beside this one
    /// (report.css, report.js, step.js, run.js), embedded in the assembly.
    /// </summary>
    internal static class ReportPage
    {
        /// <summary>Writes the page; <paramref name="data"/> writes the JSON and <paramref name="script"/> names the page's own script.</summary>
        public static void Write(TextWriter writer, string title, string script, Action<ReportJson> data)
        {
            string heading = WebUtility.HtmlEncode(title);
            writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            // The page may not load anything: a CSP that says so is a second guard besides the page's own code.
            writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
            writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            writer.Write("<meta name=\"generator\" content=\"BackpropPS\">\n");
            writer.Write($"<title>{heading}</title>\n<style>\n");
            writer.Write(Resource("report.css"));
            writer.Write("</style>\n</head>\n<body>\n");
            writer.Write($"<header><h1>{heading}</h1><p class=\"note\">Made by BackpropPS. Every number on this page is also in the tables; nothing is loaded from anywhere.</p></header>\n");
            writer.Write("<main id=\"report\"><noscript>This page draws its panels with JavaScript; the data is in the page's JSON block.</noscript></main>\n");
            writer.Write("<script type=\"application/json\" id=\"report-data\">");
            using (var json = new ReportJson(writer)) data(json);
            writer.Write("</script>\n<script>\n");
            writer.Write(Resource("report.js"));
            writer.Write(Resource(script));
            writer.Write("</script>\n</body>\n</html>\n");
        }

        private static string Resource(string name)
        {
            using (Stream stream = typeof(ReportPage).GetTypeInfo().Assembly.GetManifestResourceStream("BackpropPS.Core.Reports." + name))
            using (var reader = new StreamReader(stream)) return reader.ReadToEnd();
        }
    }
}
