using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BackpropPS.Core
{
    /// <summary>
    /// Reads RFC 8259 JSON and nothing looser, into the JToken tree the network reader walks. Newtonsoft's own
    /// reader cannot be made this strict (it takes comments, single quotes, unquoted names, trailing commas,
    /// NaN and Infinity, hex and octal numbers, raw control characters in strings, constructors, and lets a
    /// duplicate name silently win), so a file that is not JSON would load as some network. Errors are
    /// InvalidNetworkFile and say where (line, column, JSON path) and what was expected.
    /// </summary>
    internal sealed class StrictJson
    {
        // As deep as Newtonsoft and System.Text.Json allow; a network file needs 5 levels.
        private const int MaxDepth = 64;

        private readonly string _text;
        private readonly string _source;
        private readonly List<string> _path = new List<string>();
        private int _pos;
        private int _depth;

        private StrictJson(string text, string source)
        {
            _text = text;
            _source = source;
        }

        /// <summary>
        /// The one JSON value of <paramref name="text"/>. An integer literal that fits a long is an Integer token,
        /// every other number a Float (so "version": 1.0 can be told from 1); a number too large for a double is
        /// an infinite Float, left for the caller to refuse with the field's name.
        /// </summary>
        public static JToken Parse(string text, string source)
        {
            var reader = new StrictJson(text, source);
            if (text.Length > 0 && text[0] == '\uFEFF') reader._pos = 1; // RFC 8259 section 8.1: a BOM may be ignored
            reader.SkipWhitespace();
            JToken value = reader.ReadValue();
            reader.SkipWhitespace();
            if (reader._pos < text.Length) throw reader.Error("the end of the file after the top-level value");
            return value;
        }

        /// <summary>The JSON path being read, as the network reader names fields: layers[0].weights[1].</summary>
        public string Path => string.Concat(_path).TrimStart('.');

        private JToken ReadValue()
        {
            if (_pos >= _text.Length) throw Error("a JSON value");
            switch (_text[_pos])
            {
                case '{': return ReadObject();
                case '[': return ReadArray();
                case '"': return new JValue(ReadString());
            }
            // Take the whole word, so that 0x10, 01 and NaN are refused as what they are, not at their second character.
            int start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || "+-._".IndexOf(_text[_pos]) >= 0)) _pos++;
            string word = _text.Substring(start, _pos - start);
            _pos = start;
            if (word == "true" || word == "false" || word == "null")
            {
                _pos += word.Length;
                return word == "null" ? JValue.CreateNull() : new JValue(word == "true");
            }
            if (word.Length == 0) throw Error("a JSON value");
            if (!IsNumber(word, out bool integer))
            {
                throw Error("a JSON value (a number is digits with an optional '-', fraction and exponent: " +
                    "no leading zeros, '+', hex, '.5', NaN or Infinity)", $"'{word}'");
            }
            _pos += word.Length;
            // "-0" stays a double: as a long it would lose its sign.
            if (integer && word != "-0" && long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
                return new JValue(whole);
            return new JValue(ParseDouble(word));
        }

        private JObject ReadObject()
        {
            Enter();
            var result = new JObject();
            SkipWhitespace();
            if (Peek() == '}') { _pos++; Leave(); return result; }
            while (true)
            {
                if (Peek() != '"') throw Error("a field name in double quotes");
                int at = _pos;
                string name = ReadString();
                _path.Add("." + name);
                if (result.ContainsKey(name))
                {
                    throw new BackpropException("InvalidNetworkFile", BackpropErrorKind.InvalidData,
                        $"{_source}: field '{Path}' is given twice (the second at {Where(at)}); each field may appear only once.");
                }
                SkipWhitespace();
                Expect(':', "':' after the field name");
                SkipWhitespace();
                result.Add(name, ReadValue());
                _path.RemoveAt(_path.Count - 1);
                SkipWhitespace();
                if (Peek() == '}') { _pos++; Leave(); return result; }
                Expect(',', "',' or '}'");
                SkipWhitespace();
            }
        }

        private JArray ReadArray()
        {
            Enter();
            var result = new JArray();
            SkipWhitespace();
            if (Peek() == ']') { _pos++; Leave(); return result; }
            while (true)
            {
                _path.Add($"[{result.Count}]");
                result.Add(ReadValue());
                _path.RemoveAt(_path.Count - 1);
                SkipWhitespace();
                if (Peek() == ']') { _pos++; Leave(); return result; }
                Expect(',', "',' or ']'");
                SkipWhitespace();
            }
        }

        private string ReadString()
        {
            _pos++; // the opening quote
            var value = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length) throw Error("the closing '\"' of the string");
                char c = _text[_pos];
                if (c == '"') { _pos++; return value.ToString(); }
                if (c < ' ') throw Error("a character other than a control character (write it as an escape such as \\n or \\t)", Describe(c));
                if (c != '\\') { value.Append(c); _pos++; continue; }
                char escape = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
                int simple = "\"\\/bfnrt".IndexOf(escape);
                if (escape != '\0' && simple >= 0)
                {
                    value.Append("\"\\/\b\f\n\r\t"[simple]);
                    _pos += 2;
                }
                else if (escape == 'u' && _pos + 6 <= _text.Length &&
                         ushort.TryParse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                {
                    value.Append((char)code);
                    _pos += 6;
                }
                else
                {
                    throw Error("an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits",
                        "'" + _text.Substring(_pos, Math.Min(2, _text.Length - _pos)) + "'");
                }
            }
        }

        /// <summary>RFC 8259 section 6: -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?</summary>
        private static bool IsNumber(string s, out bool integer)
        {
            int i = 0, n = s.Length;
            bool Digits() { int from = i; while (i < n && s[i] >= '0' && s[i] <= '9') i++; return i > from; }
            if (i < n && s[i] == '-') i++;
            if (i < n && s[i] == '0') i++;
            else if (!(i < n && s[i] >= '1' && s[i] <= '9' && Digits())) { integer = false; return false; }
            integer = i == n;
            if (i < n && s[i] == '.') { i++; if (!Digits()) return false; }
            if (i < n && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                if (i < n && (s[i] == '+' || s[i] == '-')) i++;
                if (!Digits()) return false;
            }
            return i == n;
        }

        private static double ParseDouble(string number)
        {
            try
            {
                return double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                // .NET Framework throws where .NET Core returns infinity; both mean "not a finite double".
                return number[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            }
        }

        private void Enter()
        {
            if (++_depth > MaxDepth) throw Error($"at most {MaxDepth} nested arrays and objects", "more");
            _pos++;
        }

        private void Leave() => _depth--;

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void Expect(char c, string expected)
        {
            if (Peek() != c) throw Error(expected);
            _pos++;
        }

        // RFC 8259 whitespace is these four characters; a no-break space or form feed is not.
        private void SkipWhitespace()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r')) _pos++;
        }

        private BackpropException Error(string expected, string found = null)
        {
            string where = Path.Length > 0 ? $", in field '{Path}'" : _depth > 0 ? ", in the top-level object" : "";
            return new BackpropException("InvalidNetworkFile", BackpropErrorKind.InvalidData,
                $"{_source} is not valid JSON at {Where(_pos)}{where}: expected {expected}; found {found ?? Found()}.");
        }

        private string Found()
        {
            if (_pos >= _text.Length) return "the end of the file";
            char c = _text[_pos];
            if (c == '/') return "'/' (comments are not part of JSON)";
            if (c == '\'') return "''' (JSON strings and names take double quotes)";
            if ((c == ']' || c == '}') && _pos > 0 && LastNonWhitespace() == ',') return $"'{c}' after a ',' (a trailing comma is not part of JSON)";
            return Describe(c);
        }

        private char LastNonWhitespace()
        {
            int i = _pos - 1;
            while (i > 0 && " \t\r\n".IndexOf(_text[i]) >= 0) i--;
            return _text[i];
        }

        private static string Describe(char c) =>
            c < ' ' || c == '\u00a0' || char.IsWhiteSpace(c) || char.IsControl(c) ? $"the character U+{(int)c:X4}" : $"'{c}'";

        private string Where(int position)
        {
            int line = 1, lineStart = 0;
            for (int i = 0; i < position && i < _text.Length; i++)
            {
                if (_text[i] == '\n') { line++; lineStart = i + 1; }
            }
            return $"line {line}, column {position - lineStart + 1}";
        }
    }
}
