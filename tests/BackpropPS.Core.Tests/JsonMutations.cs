using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using System;
using BackpropPS.Core.Data;
using BackpropPS.Core.Training;

namespace BackpropPS.Core.Tests;

/// <summary>
/// A seeded, bounded fuzz of the network reader: mutations of real network files (byte flips, truncations,
/// deletions, duplicated spans and lines, numbers swapped or replaced by forms JSON forbids, stray tokens).
/// NetworkJsonTests checks that every outcome is a clean InvalidNetworkFile or a network that re-exports to the same
/// text, and that text System.Text.Json (strict by default, duplicates refused) does not take as JSON is refused;
/// StrictJsonTests that the reader is not stricter than System.Text.Json either.
/// </summary>
internal static class JsonMutations
{
    private const int Seed = 20251101;

    private const int MutationsPerFile = 150;

    private static readonly string[] OddNumbers =
    {
        "01", ".5", "5.", "0x10", "NaN", "Infinity", "-Infinity", "1.0", "1e0", "+1", "-", "1e", "--1", "1e400", "-1e-400",
        "-0", "0", "2", "1E+2", "123456789012345678901234567890", "0.1e-5", "00",
    };

    private static readonly string[] StrayTokens =
    {
        ",", "//c\n", "/*c*/", "'", "\"", "[", "]", "{", "}", ":", "null", "\"version\": 1, ", "\t", "\u00a0", "\\", "\u0001",
    };

    private static IEnumerable<string> Files()
    {
        yield return NetworkJson.Serialize(NetworkFactory.StepByStep());
        yield return NetworkJson.Serialize(new Network(new[]
        {
            new Layer(2, 2, new[] { 0.1 + 0.2, -1e-300, double.Epsilon, Math.PI }, new[] { 1.0 / 3, -0.0 }, Activation.LeakyReLU, BiasMode.PerNeuron),
            new Layer(2, 1, new[] { double.MaxValue, 5e-324 }, new[] { 2.0 / 3 }, Activation.Tanh, BiasMode.Shared),
            new Layer(1, 3, new[] { 1.0, 2.0, 3.0 }, Array.Empty<double>(), Activation.Softmax, BiasMode.None),
        }));
        yield return NetworkJson.Serialize(NetworkFactory.Random(new[] { 2, 3 }, new[] { Activation.Softmax }, BiasMode.PerNeuron, Initialization.Auto, 1)
            .WithSchema(new DataSchema(new[] { "x1", "x2" }, new[] { "species" }, new[] { "a", "b", "c" },
                new InputScaling(new[] { 0.1 + 0.2, -3.5 }, new[] { 1.0 / 3, 2.0 }))));
        yield return NetworkJson.Serialize(NetworkFactory.Random(new[] { 2, 1 }, new[] { Activation.Sigmoid }, BiasMode.Shared, Initialization.Auto, 2)
            .WithSchema(new DataSchema(new[] { "a", "b" }, new[] { "y" }, new[] { "no", "yes" })));
    }

    /// <summary>Each mutation, with the context a failure message shows: the mutation, the file and the result.</summary>
    public static IEnumerable<(string Mutated, string Context)> Mutations()
    {
        var random = new Random(Seed);
        foreach (string file in Files())
        {
            for (int i = 0; i < MutationsPerFile; i++)
            {
                string mutated = Mutate(file, random, out string how);
                yield return (mutated, $"mutation {i} ({how}) of:\n{file}\ngave:\n{mutated}");
            }
        }
    }

    /// <summary>Whether System.Text.Json, with duplicate properties refused, reads the text as JSON.</summary>
    public static bool IsStrictJson(string text)
    {
        try
        {
            using (JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false })) return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Mutate(string text, Random random, out string how)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        MatchCollection numbers = Regex.Matches(text, @"-?[0-9][0-9.eE+\-]*");
        string[] lines = text.Split('\n');
        int at = random.Next(bytes.Length);
        switch (random.Next(8))
        {
            case 0:
                int bit = random.Next(8);
                how = $"flip bit {bit} of byte {at}";
                bytes[at] ^= (byte)(1 << bit);
                return Encoding.UTF8.GetString(bytes); // invalid UTF-8 decodes to U+FFFD, as a StreamReader does
            case 1:
                how = $"truncate to {at} bytes";
                return Encoding.UTF8.GetString(bytes, 0, at);
            case 2:
                int cut = Math.Min(1 + random.Next(20), bytes.Length - at);
                how = $"delete {cut} bytes at {at}";
                return Encoding.UTF8.GetString(bytes.Take(at).Concat(bytes.Skip(at + cut)).ToArray());
            case 3:
                int span = Math.Min(1 + random.Next(40), bytes.Length - at);
                how = $"duplicate {span} bytes at {at}";
                return Encoding.UTF8.GetString(bytes.Take(at + span).Concat(bytes.Skip(at).Take(span)).Concat(bytes.Skip(at + span)).ToArray());
            case 4:
                int line = random.Next(lines.Length);
                how = $"duplicate line {line}";
                return string.Join("\n", lines.Take(line + 1).Concat(lines.Skip(line)));
            case 5:
            {
                Match a = numbers[random.Next(numbers.Count)], b = numbers[random.Next(numbers.Count)];
                if (a.Index > b.Index) (a, b) = (b, a);
                how = $"swap the numbers {a.Value} and {b.Value}";
                if (a.Index == b.Index) return text;
                return text.Substring(0, a.Index) + b.Value + text.Substring(a.Index + a.Length, b.Index - a.Index - a.Length) + a.Value + text.Substring(b.Index + b.Length);
            }
            case 6:
            {
                Match a = numbers[random.Next(numbers.Count)];
                string odd = OddNumbers[random.Next(OddNumbers.Length)];
                how = $"replace the number {a.Value} with {odd}";
                return text.Substring(0, a.Index) + odd + text.Substring(a.Index + a.Length);
            }
            default:
                string token = StrayTokens[random.Next(StrayTokens.Length)];
                int where = random.Next(text.Length + 1);
                how = $"insert {JsonSerializer.Serialize(token)} at {where}";
                return text.Insert(where, token);
        }
    }
}
