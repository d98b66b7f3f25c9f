using System.Globalization;
using System.Text;
using System.Text.Json;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Cli.Api;

/// <summary>Columns aligned to their widest cell, long cells cut with an ellipsis, for a terminal of any width.</summary>
internal sealed class TextTable(params string[] headers)
{
    private const int MaxCell = 64;
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public TextTable Add(params object?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells for {headers.Length} columns.", nameof(cells));
        }

        _rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select(static h => h.Length).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        writer.WriteLine(Line(headers, widths));
        writer.WriteLine(string.Join("  ", widths.Select(static w => new string('-', w))));
        foreach (var row in _rows)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    /// <summary>Prints <paramref name="value"/> as the API's JSON (indented), for <c>--json</c>.</summary>
    public static void WriteJson<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, new JsonSerializerOptions(SwarmApiJson.Options) { WriteIndented = true }));

    private static string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }

        return line.ToString();
    }

    private static string Format(object? value)
    {
        var text = value switch
        {
            null => "-",
            DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            double number => number.ToString("0.####", CultureInfo.InvariantCulture),
            decimal number => number.ToString("0.########", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "-",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxCell ? text : string.Concat(text.AsSpan(0, MaxCell - 1), "…");
    }
}
