using System.IO;
using BackpropPS.Core.Pictures;
using Newtonsoft.Json;

namespace BackpropPS.Core.Reports
{
    /// <summary>
    /// The JSON a page embeds in its &lt;script type="application/json"&gt; block: numbers round-trip (the shortest
    /// text that reads back as the same double, invariant culture), a non-finite number as the string "NaN",
    /// "Infinity" or "-Infinity", and &lt; &gt; &amp; ' escaped so that no text can close the script block.
    /// </summary>
    internal sealed class ReportJson : IDisposable
    {
        private readonly JsonTextWriter _json;

        public ReportJson(TextWriter writer)
        {
            _json = new JsonTextWriter(writer)
            {
                Formatting = Formatting.None,
                FloatFormatHandling = FloatFormatHandling.String,
                StringEscapeHandling = StringEscapeHandling.EscapeHtml,
                Culture = System.Globalization.CultureInfo.InvariantCulture,
                CloseOutput = false,
            };
        }

        public JsonTextWriter Writer => _json;

        public void Start() => _json.WriteStartObject();

        public void End() => _json.WriteEndObject();

        public void StartArray(string name) { _json.WritePropertyName(name); _json.WriteStartArray(); }

        public void EndArray() => _json.WriteEndArray();

        public void StartObject(string name) { _json.WritePropertyName(name); _json.WriteStartObject(); }

        public void Value(string name, string value) { _json.WritePropertyName(name); _json.WriteValue(value); }

        public void Value(string name, double value) { _json.WritePropertyName(name); _json.WriteValue(value); }

        public void Value(string name, double? value) { _json.WritePropertyName(name); _json.WriteValue(value); }

        public void Value(string name, long value) { _json.WritePropertyName(name); _json.WriteValue(value); }

        public void Value(string name, bool value) { _json.WritePropertyName(name); _json.WriteValue(value); }

        public void Null(string name) { _json.WritePropertyName(name); _json.WriteNull(); }

        public void Numbers(string name, IEnumerable<double> values)
        {
            StartArray(name);
            foreach (double v in values) _json.WriteValue(v);
            EndArray();
        }

        public void Numbers(string name, IEnumerable<double?> values)
        {
            StartArray(name);
            foreach (double? v in values) _json.WriteValue(v);
            EndArray();
        }

        public void Strings(string name, IEnumerable<string> values)
        {
            StartArray(name);
            foreach (string v in values) _json.WriteValue(v);
            EndArray();
        }

        /// <summary>A matrix as an array of rows.</summary>
        public void Rows(string name, Matrix matrix)
        {
            StartArray(name);
            for (int r = 0; r < matrix.Rows; r++)
            {
                _json.WriteStartArray();
                for (int c = 0; c < matrix.Columns; c++) _json.WriteValue(matrix[r, c]);
                _json.WriteEndArray();
            }
            EndArray();
        }

        /// <summary>The palette of the pictures, so that a colour means on the page what it means in an SVG.</summary>
        public void Colours()
        {
            StartObject("colours");
            Value("positive", PictureColours.Positive);
            Value("negative", PictureColours.Negative);
            Value("zero", PictureColours.Zero);
            Value("highlight", PictureColours.Highlight);
            Value("note", PictureColours.Note);
            Strings("lines", PictureColours.Lines);
            Strings("classes", HeatColours.Classes);
            Value("mapStrength", HeatColours.MapStrength);
            _json.WriteEndObject();
        }

        public void Dispose() => _json.Flush();
    }
}
