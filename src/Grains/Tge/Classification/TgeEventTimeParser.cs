using System.Globalization;
using System.Text.RegularExpressions;

namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// Finds when an announced event happens: an ISO or month-name date, a clock time with its zone ("10:00 (UTC)",
/// "at 08:00 UTC+8", "3 PM KST"), or both. A time next to a date (within a few words, either side) belongs to it;
/// a time without a date takes the publication date, rolled to the next day when that would put it before the
/// publication. A missing zone is taken as UTC (the exchanges' house zone) and said so in the reasons.
/// </summary>
internal sealed partial class TgeEventTimeParser(TgeRuleSet rules)
{
    private const int NearChars = 24;

    public EventTime Parse(string text, DateTimeOffset? published)
    {
        var time = ClockPattern().Match(text);
        var date = FindDate(text, time.Success ? time : null, out var dateIndex);
        if (!time.Success)
        {
            return date is { } day
                ? new EventTime(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "time:date-only")
                : EventTime.None;
        }

        if (!TryClock(time, out var clock))
        {
            return date is { } onlyDay
                ? new EventTime(new DateTimeOffset(onlyDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "time:date-only")
                : EventTime.None;
        }

        var zoneKnown = TryZone(time.Groups["zone"], out var offset);
        var zoneReason = zoneKnown ? "time:zone" : "time:zone-assumed-utc";
        if (date is { } eventDay && dateIndex >= 0)
        {
            return new EventTime(new DateTimeOffset(eventDay.ToDateTime(clock), offset), zoneReason);
        }

        if (published is { } at)
        {
            var local = at.ToOffset(offset);
            var candidate = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(clock), offset);
            return new EventTime(candidate < at ? candidate.AddDays(1) : candidate, zoneReason + ",time:date-from-published");
        }

        return EventTime.None;
    }

    /// <summary>The date closest to the clock time (when one is near it), else the first date in the text.</summary>
    private static DateOnly? FindDate(string text, Match? time, out int index)
    {
        index = -1;
        DateOnly? first = null;
        var firstIndex = -1;
        for (var match = DatePattern().Match(text); match.Success; match = match.NextMatch())
        {
            if (!TryDate(match, out var day))
            {
                continue;
            }

            if (time is not null && IsNear(match, time))
            {
                index = match.Index;
                return day;
            }

            if (first is null)
            {
                first = day;
                firstIndex = match.Index;
            }
        }

        index = time is null ? firstIndex : -1;
        return time is null ? first : null;
    }

    private static bool IsNear(Match date, Match time) =>
        (date.Index <= time.Index && time.Index - (date.Index + date.Length) <= NearChars)
        || (time.Index < date.Index && date.Index - (time.Index + time.Length) <= NearChars);

    private static bool TryDate(Match match, out DateOnly day)
    {
        day = default;
        int year, month, dayOfMonth;
        if (match.Groups["iy"].Success)
        {
            year = int.Parse(match.Groups["iy"].ValueSpan, CultureInfo.InvariantCulture);
            month = int.Parse(match.Groups["im"].ValueSpan, CultureInfo.InvariantCulture);
            dayOfMonth = int.Parse(match.Groups["id"].ValueSpan, CultureInfo.InvariantCulture);
        }
        else
        {
            var monthGroup = match.Groups["m1"].Success ? match.Groups["m1"] : match.Groups["m2"];
            var dayGroup = match.Groups["d1"].Success ? match.Groups["d1"] : match.Groups["d2"];
            var yearGroup = match.Groups["y1"].Success ? match.Groups["y1"] : match.Groups["y2"];
            if (!yearGroup.Success)
            {
                // A month and day without a year is too weak to pin an event on; a source that omits the year
                // nearly always gives the ISO date elsewhere.
                return false;
            }

            year = int.Parse(yearGroup.ValueSpan, CultureInfo.InvariantCulture);
            month = MonthOf(monthGroup.ValueSpan);
            dayOfMonth = int.Parse(dayGroup.ValueSpan, CultureInfo.InvariantCulture);
        }

        if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    private static int MonthOf(ReadOnlySpan<char> name)
    {
        ReadOnlySpan<string> months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var index = 0; index < months.Length; index++)
        {
            if (name.StartsWith(months[index], StringComparison.OrdinalIgnoreCase))
            {
                return index + 1;
            }
        }

        return 0;
    }

    private static bool TryClock(Match match, out TimeOnly clock)
    {
        clock = default;
        var hour = int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = match.Groups["mi"].Success ? int.Parse(match.Groups["mi"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = char.ToUpperInvariant(match.Groups["ampm"].ValueSpan[0]) == 'P';
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        else if (!match.Groups["mi"].Success)
        {
            // "3 UTC" alone is not a clock time; the pattern only lets a bare hour through with AM/PM.
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        clock = new TimeOnly(hour, minute, second);
        return true;
    }

    private bool TryZone(Group zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (!zone.Success)
        {
            return false;
        }

        var text = zone.ValueSpan;
        var signAt = text.IndexOfAny('+', '-');
        var name = (signAt < 0 ? text : text[..signAt]).Trim();
        if (name is "UTC" or "GMT" or "Z")
        {
            return signAt < 0 || TryOffset(text[signAt..], out offset);
        }

        return signAt < 0 && rules.TimeZones.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out offset);
    }

    private static bool TryOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var negative = text[0] == '-';
        Span<char> digits = stackalloc char[4];
        var count = 0;
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == 4)
                {
                    return false;
                }

                digits[count++] = c;
            }
        }

        var (hours, minutes) = count switch
        {
            1 or 2 => (int.Parse(digits[..count], CultureInfo.InvariantCulture), 0),
            3 => (digits[0] - '0', int.Parse(digits[1..3], CultureInfo.InvariantCulture)),
            4 => (int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..4], CultureInfo.InvariantCulture)),
            _ => (-1, 0),
        };
        if (hours < 0 || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = negative ? -offset : offset;
        return true;
    }

    [GeneratedRegex(
        @"\b(?:(?<iy>20\d{2})[-/.](?<im>\d{1,2})[-/.](?<id>\d{1,2})(?!\d)"
        + @"|(?<m1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y1>20\d{2}))?\b"
        + @"|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:,?\s+(?<y2>20\d{2}))?\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    // The zone is case-sensitive on purpose: "10:00 on" must not read "on" as a zone abbreviation.
    [GeneratedRegex(
        @"(?:\b|(?<=\dT))(?<h>[01]?\d|2[0-3])(?::(?<mi>[0-5]\d)(?::(?<s>[0-5]\d))?\s*(?<ampm>[AaPp]\.?[Mm]\b\.?)?|\s*(?<ampm>[AaPp]\.?[Mm]\b\.?))(?![\d:])\s*\(?\s*(?<zone>(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|Z\b|[A-Z]{2,5}\b)?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ClockPattern();

    internal readonly record struct EventTime(DateTimeOffset? Value, string? Reason)
    {
        public static EventTime None => default;
    }
}
