using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>Pause and resume of a pipeline, and the halt.</summary>
internal sealed partial class QueenGrain
{
    public async Task<PipelineStatus> PauseAsync(string pipeline, ActionOrigin origin, CancellationToken cancellationToken)
    {
        QueenInput.Pipeline(pipeline);
        QueenInput.Origin(origin);
        SetPipeline(pipeline, paused: true, origin);
        await PersistAsync(cancellationToken);

        var failures = await StopAllAsync(r => r.Pipeline == pipeline, cancellationToken);
        Record(origin.Actor, "pause", $"pipeline/{pipeline}", origin.Reason, failures.Count == 0, Outcome("paused", failures));
        await PersistAsync(cancellationToken);
        return ToPipelineStatus(pipeline);
    }

    public async Task<PipelineStatus> ResumeAsync(string pipeline, ActionOrigin origin, CancellationToken cancellationToken)
    {
        QueenInput.Pipeline(pipeline);
        QueenInput.Origin(origin);
        var halt = State.Halt;
        State.Halt = null;
        SetPipeline(pipeline, paused: false, origin);
        await PersistAsync(cancellationToken);

        var starting = AgentsOrdered().Where(r => r.Pipeline == pipeline && r.Desired == AgentState.Running).ToList();
        foreach (var record in starting)
        {
            record.ResetHealth();
        }

        var errors = await Task.WhenAll(starting.Select(r => StartAgentAsync(r, cancellationToken)));
        var failures = Failures(starting, errors);

        var resumed = halt is null ? "resumed" : $"resumed; the halt of {halt.At:u} by {halt.Actor} is lifted";
        Record(origin.Actor, "resume", $"pipeline/{pipeline}", origin.Reason, failures.Count == 0, Outcome(resumed, failures));
        await PersistAsync(cancellationToken);
        return ToPipelineStatus(pipeline);
    }

    public async Task<SwarmHealth> HaltAsync(ActionOrigin origin, CancellationToken cancellationToken)
    {
        QueenInput.Origin(origin, reasonRequired: true);
        var earlier = State.Halt;
        State.Halt = earlier ?? new HaltInfo(time.GetUtcNow(), origin.Actor, origin.Reason!);
        foreach (var pipeline in PipelineNames.All)
        {
            SetPipeline(pipeline, paused: true, origin);
        }

        await PersistAsync(cancellationToken);
        Log.Halted(logger, origin.Actor, origin.Reason!);

        // Every agent, whatever the registry believes it runs: the switch must hold even where the registry is stale.
        var failures = await StopAllAsync(static _ => true, cancellationToken);
        var halted = earlier is null ? $"halted; {State.Agents.Count} agents stopped" : $"already halted since {earlier.At:u}; agents stopped again";
        Record(origin.Actor, "halt", "swarm", origin.Reason, failures.Count == 0, Outcome(halted, failures));
        await PersistAsync(cancellationToken);
        return BuildHealth();
    }

    private void SetPipeline(string pipeline, bool paused, ActionOrigin origin)
    {
        if (!State.Pipelines.TryGetValue(pipeline, out var record))
        {
            record = new PipelineRecord();
            State.Pipelines[pipeline] = record;
        }

        record.Paused = paused;
        record.ChangedAt = time.GetUtcNow();
        record.ChangedBy = origin.Actor;
        record.Reason = origin.Reason;
    }

    private async Task<List<string>> StopAllAsync(Func<AgentRecord, bool> which, CancellationToken cancellationToken)
    {
        var stopping = AgentsOrdered().Where(which).ToList();
        var errors = await Task.WhenAll(stopping.Select(r => StopAgentAsync(r, cancellationToken)));
        return Failures(stopping, errors);
    }

    private static List<string> Failures(List<AgentRecord> records, string?[] errors) =>
        [.. records.Zip(errors).Where(static p => p.Second is not null).Select(static p => $"{p.First.Id}: {p.Second}")];

    private IEnumerable<AgentRecord> AgentsOrdered() => State.Agents.Values.OrderBy(static r => r.Id, StringComparer.Ordinal);

    private static string Outcome(string done, List<string> failures) =>
        failures.Count == 0 ? done : $"{done}; {failures.Count} failed, reconciliation retries them: {string.Join("; ", failures)}";
}
