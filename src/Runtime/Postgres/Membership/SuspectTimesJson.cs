using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Postgres.Membership;

/// <summary>
/// The <c>suspect_times</c> column: a JSON array of <c>{"voter": "S127.0.0.1:11111:42", "time": "…Z"}</c> in vote
/// order, readable in psql. Times are written in UTC to the microsecond, like the table's timestamptz columns.
/// </summary>
internal static class SuspectTimesJson
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Write(IReadOnlyList<SuspectVote> votes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var vote in votes)
            {
                writer.WriteStartObject();
                writer.WriteString("voter", vote.Voter.ToString());
                writer.WriteString("time", MembershipTimes.ToMicroseconds(vote.Time).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="FormatException">The text is not an array of votes this provider wrote.</exception>
    public static SuspectVote[] Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var votes = new SuspectVote[document.RootElement.GetArrayLength()];
            var i = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var voter = SiloAddress.Parse(element.GetProperty("voter").GetString() ?? "");
                var time = DateTimeOffset.ParseExact(
                    element.GetProperty("time").GetString() ?? "", TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                votes[i++] = new SuspectVote(voter, time.ToUniversalTime());
            }

            return votes;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"suspect_times '{json}' is not a JSON array of {{\"voter\", \"time\"}} objects: {ex.Message}", ex);
        }
    }
}
