using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Keywords;

namespace TgeSwarm.Grains.Tests.Tge.Keywords;

public sealed class TgeKeywordStageTests(DefaultClassifierFixture fixture) : IClassFixture<DefaultClassifierFixture>, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_positive_becomes_one_candidate_keyed_by_its_symbol_slug()
    {
        var (stage, _) = NewStage();
        var candidates = new List<TgeCandidate>();
        var item = TgeItems.Item("binance", "1", "Binance Will List Foo Finance (FOO) with Seed Tag Applied");

        Assert.Equal(1, stage.Candidates(item, TgeItems.Seen, candidates));

        var candidate = Assert.Single(candidates);
        Assert.Equal("foo", candidate.TokenSlug);
        Assert.Same(item, candidate.Item);
        Assert.Equal(TgeKind.Listing, candidate.Classification.Kind);
        Assert.Equal("Foo Finance", candidate.Classification.Name);
    }

    [Fact]
    public void An_item_of_several_tokens_fans_out_one_candidate_per_symbol()
    {
        var (stage, _) = NewStage();
        var candidates = new List<TgeCandidate>();

        stage.Candidates(TgeItems.Item("binance", "2", "Binance Will List Genius Terminal (GENIUS) and OpenGradient (OPG) with Seed Tag Applied"), TgeItems.Seen, candidates);

        Assert.Equal(["genius", "opg"], candidates.Select(c => c.TokenSlug));
        Assert.Equal("OPG", candidates[1].Classification.Symbol);
        Assert.Null(candidates[1].Classification.Name);
    }

    [Fact]
    public void Negatives_are_counted_by_the_veto_that_fired()
    {
        var (stage, counts) = NewStage();
        var candidates = new List<TgeCandidate>();

        stage.Candidates(TgeItems.Item("binance", "3", "Binance Futures Will Launch USDⓈ-Margined FOOUSDT Perpetual Contract"), TgeItems.Seen, candidates);
        stage.Candidates(TgeItems.Item("binance", "4", "Binance Will Delist BAR, BAZ on 2026-04-01"), TgeItems.Seen, candidates);
        stage.Candidates(TgeItems.Item("news", "5", "Photos from our team offsite in Lisbon"), TgeItems.Seen, candidates);

        Assert.Empty(candidates);
        Assert.Equal(1, counts.Get("veto:derivatives"));
        Assert.Equal(1, counts.Get("veto:delisting"));
        Assert.Equal(1, counts.Get(TgeKeywordStage.NoPositive));
        Assert.Equal(3, counts.Total);
    }

    private (TgeKeywordStage Stage, NegativeCounts Counts) NewStage()
    {
        var instruments = new TgeDetectionInstruments(_services.GetRequiredService<IMeterFactory>());
        return (new TgeKeywordStage(fixture.Classifier, instruments), new NegativeCounts(instruments.Meter));
    }

    /// <summary>Counts <c>tge.keyword.negatives</c> of one meter instance, so other tests' silos in this process do not add to it.</summary>
    private sealed class NegativeCounts
    {
        private readonly Dictionary<string, long> _byReason = [];
        private readonly MeterListener _listener = new();

        public NegativeCounts(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "tge.keyword.negatives")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason")
                    {
                        var reason = (string)tag.Value!;
                        lock (_byReason)
                        {
                            _byReason[reason] = _byReason.GetValueOrDefault(reason) + value;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public long Total
        {
            get
            {
                lock (_byReason)
                {
                    return _byReason.Values.Sum();
                }
            }
        }

        public long Get(string reason)
        {
            lock (_byReason)
            {
                return _byReason.GetValueOrDefault(reason);
            }
        }
    }
}
