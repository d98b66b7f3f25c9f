using System.Text.Json;
using TgeSwarm.Cli.Replay;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Cli;

/// <summary><c>tgeswarm replay normalize</c> run in-process through its entry method.</summary>
public sealed class NormalizeCommandTests
{
    [Fact]
    public void Okx_recording_becomes_json_lines_of_trades_and_books_and_a_summary()
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();

        var exit = NormalizeCommand.Run("okx", new FileInfo(Recordings.Okx), output, error);

        Assert.Equal(0, exit);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var documents = lines.Select(l => JsonDocument.Parse(l)).ToList();
        Assert.Equal(74, documents.Count(d => d.RootElement.GetProperty("kind").GetString() == "trade"));
        Assert.Equal(290, documents.Count(d => d.RootElement.GetProperty("kind").GetString() == "book"));

        var trade = documents.First(d => d.RootElement.GetProperty("kind").GetString() == "trade" && d.RootElement.GetProperty("id").GetString() == "338476307").RootElement;
        Assert.Equal("okx", trade.GetProperty("venue").GetString());
        Assert.Equal("BTC-USDT", trade.GetProperty("instrument").GetString());
        Assert.Equal(1652459224818000, trade.GetProperty("ts").GetInt64());
        Assert.Equal(30236m, trade.GetProperty("price").GetDecimal());
        Assert.Equal("0.0002", trade.GetProperty("size").GetRawText());
        Assert.Equal("buy", trade.GetProperty("side").GetString());
        Assert.Equal("338476307", trade.GetProperty("id").GetString());

        var book = documents.First(d => d.RootElement.GetProperty("kind").GetString() == "book").RootElement;
        Assert.True(book.GetProperty("snapshot").GetBoolean());
        Assert.Equal(2, book.GetProperty("bids")[0].GetArrayLength());

        var summary = documents[^1].RootElement;
        Assert.Equal("summary", summary.GetProperty("kind").GetString());
        Assert.Equal(410, summary.GetProperty("frames").GetInt64());
        Assert.Equal(74, summary.GetProperty("trades").GetInt64());
        Assert.Equal(290, summary.GetProperty("books").GetInt64());
        Assert.Equal(0, summary.GetProperty("gaps").GetInt64());
        Assert.Equal(0, summary.GetProperty("resyncs").GetInt64());
        Assert.Equal(290, summary.GetProperty("checksum_ok").GetInt64());
        Assert.Equal(0, summary.GetProperty("checksum_failed").GetInt64());
        Assert.Equal(0, summary.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public void Unknown_venue_is_a_usage_error()
    {
        using var error = new StringWriter();

        Assert.Equal(2, NormalizeCommand.Run("mtgox", new FileInfo(Recordings.Okx), Stream.Null, error));
        Assert.Contains("unknown venue 'mtgox'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_input_file_is_reported()
    {
        using var error = new StringWriter();

        Assert.Equal(1, NormalizeCommand.Run("okx", new FileInfo(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))), Stream.Null, error));
        Assert.Contains("input not found", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_reported_as_unreadable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, []);
        try
        {
            using var error = new StringWriter();

            Assert.Equal(1, NormalizeCommand.Run("binance", new FileInfo(path), Stream.Null, error));
            Assert.Contains("cannot read", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Corrupt_gzip_input_is_reported_as_unreadable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.jsonl.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        try
        {
            using var error = new StringWriter();

            Assert.Equal(1, NormalizeCommand.Run("okx", new FileInfo(path), Stream.Null, error));
            Assert.Contains("cannot read", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
