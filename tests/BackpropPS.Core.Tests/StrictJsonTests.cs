using static BackpropPS.Core.Tests.JsonMutations;

namespace BackpropPS.Core.Tests;

/// <summary>
/// The network reader reads RFC 8259 JSON and nothing looser (StrictJson): every form below is one that a lenient
/// reader (Newtonsoft's JsonTextReader among them) accepts, and each must be refused as InvalidNetworkFile, naming
/// the field it is in; and over seeded mutations of real files it takes exactly what System.Text.Json takes.
/// </summary>
public class StrictJsonTests
{
    private const string Format = "\"format\": \"BackpropPS.Network\"";

    private const string Good = """{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "Sigmoid", "bias": 0.5, "weights": [[1, 2]] } ] }""";

    [Fact]
    public void TheFileTheCasesMutateIsRead() => Assert.Equal("2-1", NetworkJson.Deserialize(Good).Shape);

    [Theory]
    // version must be the JSON integer 1
    [InlineData("\"version\": 1", "\"version\": 1.0", "'version'")]
    [InlineData("\"version\": 1", "\"version\": 1e0", "'version'")]
    [InlineData("\"version\": 1", "\"version\": 10E-1", "'version'")]
    [InlineData("\"version\": 1", "\"version\": \"1\"", "'version'")]
    // numbers JSON does not allow
    [InlineData("\"version\": 1", "\"version\": 01", "'version'")]
    [InlineData("\"bias\": 0.5", "\"bias\": .5", "'layers[0].bias'")]
    [InlineData("\"bias\": 0.5", "\"bias\": 5.", "'layers[0].bias'")]
    [InlineData(Format, Format + ", \"note\": 00.5", "'note'")]
    [InlineData(Format, Format + ", \"note\": +0.5", "'note'")]
    [InlineData("\"bias\": 0.5", "\"bias\": 0x10", "'layers[0].bias'")]
    [InlineData(Format, Format + ", \"note\": 1e", "'note'")]
    [InlineData(Format, Format + ", \"note\": NaN", "'note'")]
    [InlineData(Format, Format + ", \"note\": Infinity", "'note'")]
    [InlineData(Format, Format + ", \"note\": -Infinity", "'note'")]
    [InlineData(Format, Format + ", \"note\": undefined", "'note'")]
    [InlineData(Format, Format + ", \"note\": new Date(1)", "'note'")]
    [InlineData("[[1, 2]]", "[[1, 010]]", "'layers[0].weights[0][1]'")]
    // comments
    [InlineData("\"version\": 1,", "\"version\": 1, // the first\n", "in the top-level object: expected a field name in double quotes; found '/' (comments are not part of JSON)")]
    [InlineData("\"version\": 1,", "\"version\": 1, /* the first */", "(comments are not part of JSON)")]
    [InlineData("[[1, 2]]", "[[1, /* two */ 2]]", "'layers[0].weights[0][1]'")]
    // quotes
    [InlineData("\"Sigmoid\"", "'Sigmoid'", "'layers[0].activation'")]
    [InlineData("\"activation\"", "'activation'", "'layers[0]'")]
    [InlineData("\"activation\"", "activation", "'layers[0]'")]
    // trailing commas and empty elements
    [InlineData("[[1, 2]]", "[[1, 2,]]", "'layers[0].weights[0][2]'")]
    [InlineData("[[1, 2]]", "[[1, 2],]", "'layers[0].weights[1]'")]
    [InlineData("[[1, 2]]", "[[1,, 2]]", "'layers[0].weights[0][1]'")]
    [InlineData("[[1, 2]] }", "[[1, 2]], }", "'layers[0]'")]
    // duplicate fields: the last one must not silently win
    [InlineData("\"version\": 1", "\"version\": 2, \"version\": 1", "'version'")]
    [InlineData("\"bias\": 0.5", "\"bias\": 0.5, \"bias\": 7", "'layers[0].bias'")]
    [InlineData(Format, Format + ", \"note\": 1, \"note\": 2", "'note'")]
    // activation names: whole documented names only, not what Enum.Parse also takes
    [InlineData("\"Sigmoid\"", "\"Sigmoid, Tanh\"", "'layers[0].activation'")]
    [InlineData("\"Sigmoid\"", "\"Sigmoid,Tanh\"", "'layers[0].activation'")]
    [InlineData("\"Sigmoid\"", "\" Sigmoid\"", "'layers[0].activation'")]
    [InlineData("\"Sigmoid\"", "\"-1\"", "'layers[0].activation'")]
    [InlineData("\"Sigmoid\"", "\"+0\"", "'layers[0].activation'")]
    // strings: raw control characters and unknown escapes
    [InlineData(Format, Format + ", \"note\": \"a\tb\"", "'note'")]
    [InlineData(Format, Format + ", \"note\": \"a\\xb\"", "'note'")]
    // whitespace beyond space, tab, CR and LF
    [InlineData("\"version\": 1", "\"version\":\u00a01", "'version'")]
    [InlineData("\"version\": 1", "\"version\":\f1", "'version'")]
    public void AFormJsonDoesNotAllowIsRefusedNamingItsField(string find, string replace, string field)
    {
        Assert.Contains(find, Good);
        string json = Good.Replace(find, replace);
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(json, "net.json"));
        Assert.Equal("InvalidNetworkFile", e.ErrorId);
        Assert.Equal(BackpropErrorKind.InvalidData, e.Kind);
        Assert.StartsWith("net.json", e.Message);
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void ASyntaxErrorSaysWhereAndWhatWasExpected()
    {
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(Good.Replace("[[1, 2]]", "[[1, 2,]]"), "net.json"));
        Assert.Equal("net.json is not valid JSON at line 1, column 119, in field 'layers[0].weights[0][2]': expected a JSON value; found ']' after a ',' (a trailing comma is not part of JSON).", e.Message);
        e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(Good.Replace("\"bias\": 0.5", "\"bias\": 0.5, \"bias\": 7"), "net.json"));
        Assert.Equal("net.json: field 'layers[0].bias' is given twice (the second at line 1, column 101); each field may appear only once.", e.Message);
    }

    [Fact]
    public void DeepNestingIsRefusedNotAStackOverflow()
    {
        string deep = new string('[', 100_000) + new string(']', 100_000);
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(Good.Replace("\"version\": 1", "\"version\": 1, \"deep\": " + deep)));
        Assert.Equal("InvalidNetworkFile", e.ErrorId);
        Assert.Contains("'deep", e.Message);
    }

    [Fact]
    public void EverythingJsonAllowsIsStillRead()
    {
        // Escapes, all four kinds of whitespace, exponents, -0, and unknown fields of every JSON type.
        string json = "\r\n\t{ \"format\" : \"\\u0042ackpropPS\\u002eNetwork\",\n\"version\":1,\"x\":[true,false,null,{},[],\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\ud83d\\ude00\"],"
            + "\"layers\":[{\"activation\":\"relu\",\"bias\":-0.0,\"weights\":[[1E+2,-2.5e-3,0,-0,123456789012345678901234567890,1e-400]]}] } \n";
        var layer = NetworkJson.Deserialize(json).Layers[0];
        Assert.Equal(Activation.ReLU, layer.Activation);
        Assert.Equal(new[] { 100, -0.0025, 0, 0, 1.2345678901234568e29, 0 }, layer.Weights.ToArray());
        Assert.True(double.IsNegative(layer.Weights[3]), "-0 is negative zero");
        Assert.True(double.IsNegative(layer.Biases[0]), "-0.0 is negative zero");
    }

    [Fact]
    public void ANumberTooLargeForADoubleIsRefusedAsNotFinite()
    {
        var e = Assert.Throws<BackpropException>(() => NetworkJson.Deserialize(Good.Replace("[[1, 2]]", "[[1, -1e400]]"), "net.json"));
        Assert.Equal("InvalidNetworkFile", e.ErrorId);
        Assert.Contains("'layers[0].weights[0][1]'", e.Message);
        Assert.Contains("finite", e.Message);
    }

    [Fact]
    public void TheJsonReaderTakesExactlyWhatSystemTextJsonTakes()
    {
        // Not looser (the test above), and not stricter either: valid JSON is never refused as invalid JSON.
        foreach (var (mutated, context) in Mutations())
        {
            bool ours;
            try { StrictJson.Parse(mutated, "fuzz.json"); ours = true; }
            catch (BackpropException) { ours = false; }
            Assert.True(ours == IsStrictJson(mutated), (ours ? "took" : "refused") + " " + context);
        }
    }
}
