using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Keywords;

/// <summary>
/// Keyword precision as a stateless worker: a pool of activations on each silo (one per core) runs the classifier
/// for the intake grains of every source, so classification spreads over the cores while each source stays in
/// order (its intake hands over one batch at a time). Candidates go out in item order; one stream per token slug.
/// </summary>
[StatelessWorker]
internal sealed class KeywordGrain(TgeKeywordStage stage, TgeDetectionInstruments instruments, TimeProvider time) : Grain, IKeywordGrain
{
    private readonly List<TgeCandidate> _candidates = new(16);
    private IStreamProvider _streams = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _streams = this.GetStreamProvider(TgeStreamNames.Provider);
        return Task.CompletedTask;
    }

    public Task<TgeClassification> ClassifyAsync(TgeItem item, CancellationToken cancellationToken) => Task.FromResult(stage.Classify(item));

    public async Task<int> ProcessAsync(IReadOnlyList<TgeItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = time.GetUtcNow();
        _candidates.Clear();
        foreach (var item in items)
        {
            stage.Candidates(item, now, _candidates);
        }

        instruments.Classified(items.Count);
        var published = 0;
        try
        {
            foreach (var candidate in _candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await _streams.GetStream<TgeCandidate>(StreamId.Create(TgeStreamNames.Candidates, candidate.TokenSlug))
                    .OnNextAsync(candidate, cancellationToken: cancellationToken);
                published++;
            }
        }
        finally
        {
            instruments.CandidatesPublished(published);
            _candidates.Clear();
        }

        return published;
    }
}
