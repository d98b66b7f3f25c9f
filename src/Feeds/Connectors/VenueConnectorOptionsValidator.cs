using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Connectors.Protocols;

namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// Checks <see cref="VenueConnectorOptions"/> against what the venue accepts, so a bad setting fails at start-up
/// rather than as a venue's error frame. <see cref="VenueConnector"/> runs it in its constructor too.
/// </summary>
public sealed class VenueConnectorOptionsValidator : IValidateOptions<VenueConnectorOptions>
{
    // Timers and delays take at most ~49 days; a day is already far past any sensible setting.
    private static readonly TimeSpan LongestTime = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, VenueConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Venue))
        {
            return ValidateOptionsResult.Fail($"Venue {options.Venue} is not a known venue.");
        }

        var profile = VenueProfiles.Of(options.Venue);
        var failures = new List<string>();
        CheckEndpoints(options, failures);
        CheckInstruments(options, profile, failures);
        CheckChannels(options, profile, failures);
        CheckTiming(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoints(VenueConnectorOptions options, List<string> failures)
    {
        if (options.WebSocketUrl is { } ws && (!ws.IsAbsoluteUri || ws.Scheme is not ("ws" or "wss")))
        {
            failures.Add($"WebSocketUrl '{ws}' must be an absolute ws:// or wss:// address.");
        }

        if (options.RestUrl is { } rest && (!rest.IsAbsoluteUri || rest.Scheme is not ("http" or "https")))
        {
            failures.Add($"RestUrl '{rest}' must be an absolute http:// or https:// address.");
        }
    }

    private static void CheckInstruments(VenueConnectorOptions options, VenueProfile profile, List<string> failures)
    {
        if (options.Instruments.Count == 0)
        {
            failures.Add("Instruments must name at least one instrument.");
            return;
        }

        var perpetualEndpoint = options.Venue == Venue.Bybit
            && VenueProfiles.IsPerpetualEndpoint(options.WebSocketUrl ?? VenueEndpoints.DefaultWebSocketUrl(Venue.Bybit));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var instrument in options.Instruments)
        {
            if (!IsWellFormed(instrument, profile.InstrumentParts))
            {
                var parts = profile.InstrumentParts == 0 ? "two or more" : profile.InstrumentParts.ToString(System.Globalization.CultureInfo.InvariantCulture);
                failures.Add($"Instrument '{instrument}' must be {parts} dash-separated parts of letters and digits (BTC-USDT) for {options.Venue}.");
            }
            else if (!seen.Add(instrument))
            {
                failures.Add($"Instrument '{instrument}' is listed twice.");
            }
            else if (options.Venue == Venue.Bybit && BybitProtocol.IsPerpetual(instrument) != perpetualEndpoint)
            {
                failures.Add(perpetualEndpoint
                    ? $"Instrument '{instrument}' must end in -PERP: the Bybit endpoint serves perpetuals."
                    : $"Instrument '{instrument}' is a perpetual but the Bybit endpoint is not /linear or /inverse.");
            }
        }

        if (options.Venue == Venue.Binance && options.Instruments.Count * ((options.Trades ? 1 : 0) + (options.Books ? 1 : 0)) > BinanceProtocol.MaxStreams)
        {
            failures.Add($"Binance allows {BinanceProtocol.MaxStreams} streams per connection; split the instruments over more connectors.");
        }
    }

    private static void CheckChannels(VenueConnectorOptions options, VenueProfile profile, List<string> failures)
    {
        if (!options.Trades && !options.Books)
        {
            failures.Add("At least one of Trades and Books must be on.");
        }

        if (options.BookDepth is { } depth && Array.IndexOf(profile.BookDepths, depth) < 0)
        {
            failures.Add(profile.BookDepths.Length == 0
                ? $"BookDepth cannot be chosen on {options.Venue}; leave it unset."
                : $"BookDepth {depth} is not one of {string.Join(", ", profile.BookDepths)} on {options.Venue}.");
        }

        if (options.TradeChannel is { } channel && Array.IndexOf(profile.TradeChannels, channel) < 0)
        {
            failures.Add($"TradeChannel '{channel}' is not one of {string.Join(", ", profile.TradeChannels)} on {options.Venue}.");
        }
    }

    private static void CheckTiming(VenueConnectorOptions options, List<string> failures)
    {
        if (options.ReconnectMinDelay <= TimeSpan.Zero)
        {
            failures.Add("ReconnectMinDelay must be positive.");
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay || options.ReconnectMaxDelay > LongestTime)
        {
            failures.Add("ReconnectMaxDelay must be at least ReconnectMinDelay and at most a day.");
        }

        if (options.SilenceTimeout is { } silence && (silence <= TimeSpan.Zero || silence > LongestTime))
        {
            failures.Add("SilenceTimeout must be positive and at most a day.");
        }

        if (options.PingInterval is { } ping && (ping < TimeSpan.Zero || ping > LongestTime))
        {
            failures.Add("PingInterval must be zero (no pings) or positive, and at most a day.");
        }

        if (options.MaxFramesPerFlush < 1)
        {
            failures.Add("MaxFramesPerFlush must be at least 1.");
        }
    }

    private static bool IsWellFormed(string? instrument, int parts)
    {
        if (string.IsNullOrEmpty(instrument))
        {
            return false;
        }

        var count = 1;
        var partLength = 0;
        foreach (var c in instrument)
        {
            if (c == '-')
            {
                if (partLength == 0)
                {
                    return false;
                }

                count++;
                partLength = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                partLength++;
            }
            else
            {
                return false;
            }
        }

        return partLength > 0 && (parts == 0 ? count >= 2 : count == parts);
    }
}
