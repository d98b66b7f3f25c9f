using System.Text.Json;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>
/// Reads labelled items, one JSON object per line: <c>title</c> (required), <c>summary</c>, <c>label</c>
/// (required, true/false), <c>kind</c>, <c>symbol</c>, <c>reason</c>. Blank lines are skipped; anything else that
/// is not such an object fails with its line number, because a silently skipped label skews every figure.
/// </summary>
internal static class TgeLabelReader
{
    /// <exception cref="TgeLabelFormatException">A line is malformed.</exception>
    public static IReadOnlyList<TgeLabel> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var labels = new List<TgeLabel>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            labels.Add(Parse(line, number, source));
        }

        return labels;
    }

    private static TgeLabel Parse(string line, int number, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw Fail(source, number, $"not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail(source, number, "expected a JSON object");
            }

            var title = String(root, "title", source, number) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
                ? text
                : throw Fail(source, number, "'title' is required and must be a non-empty string");
            if (!root.TryGetProperty("label", out var label) || label.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Fail(source, number, "'label' is required and must be true or false");
            }

            TgeKind? kind = null;
            if (String(root, "kind", source, number) is { } kindText)
            {
                if (!Enum.TryParse<TgeKind>(kindText, ignoreCase: true, out var parsed) || parsed == TgeKind.None
                    || !Enum.IsDefined(parsed) || char.IsAsciiDigit(kindText[0]))
                {
                    throw Fail(source, number, $"'kind' must be one of listing, launchpool, launchpad, megadrop, airdrop, tge, sale (was '{kindText}')");
                }

                kind = parsed;
            }

            return new TgeLabel(
                number,
                title,
                String(root, "summary", source, number),
                label.ValueKind == JsonValueKind.True,
                kind,
                String(root, "symbol", source, number),
                String(root, "reason", source, number));
        }
    }

    private static string? String(JsonElement root, string name, string source, int number)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Fail(source, number, $"'{name}' must be a string");
    }

    private static TgeLabelFormatException Fail(string source, int line, string problem, Exception? inner = null) =>
        inner is null
            ? new TgeLabelFormatException($"{source}:{line}: {problem}")
            : new TgeLabelFormatException($"{source}:{line}: {problem}", inner);
}
