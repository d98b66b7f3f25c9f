using System.CommandLine;

namespace TgeSwarm.Cli.Api;

/// <summary><c>tgeswarm features get INSTRUMENT</c>: the latest features of one instrument on every venue.</summary>
internal static class FeaturesCommand
{
    public static Command Create(ApiConnector connector)
    {
        var command = new Command("features", "Read the market pipeline's features.");
        var api = new ApiOptions(connector);
        var instrument = new Argument<string>("instrument") { Description = "The instrument in the swarm's naming, e.g. BTC-USDT." };
        var get = new Command("get", "Show the latest features of an instrument, one row per venue.") { instrument };
        api.AddTo(get);
        get.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, token) =>
        {
            var features = await client.GetFeaturesAsync(result.GetRequiredValue(instrument), token);
            if (json)
            {
                TextTable.WriteJson(output, features);
                return;
            }

            var table = new TextTable("VENUE", "LAST", "VWAP", "BID", "ASK", "SPREAD", "RSI", "MACD", "VOL", "IMBAL", "TRADES");
            foreach (var f in features)
            {
                table.Add(f.Venue, f.LastPrice, f.Vwap, f.BestBid, f.BestAsk, f.Spread, f.Rsi, f.Macd, f.RealizedVolatility, f.BookImbalance, f.TradeCount);
            }

            table.WriteTo(output);
            if (features.Count == 0)
            {
                output.WriteLine("no features yet: no venue has sent this instrument since the cache grain started");
            }
        }, ct));
        command.Subcommands.Add(get);
        return command;
    }
}
