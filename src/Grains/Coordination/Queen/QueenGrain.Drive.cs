using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>Starting, stopping and reading agents through their drivers, with failures turned into what the registry records.</summary>
internal sealed partial class QueenGrain
{
    /// <summary>Starts the agent with its registered configuration; null when it worked, else why not.</summary>
    private Task<string?> StartAgentAsync(AgentRecord record, CancellationToken cancellationToken) =>
        DriveAsync(record, (driver, token) => driver.StartAsync(GrainFactory, record.Key, record.Configuration, token), AgentState.Pending, cancellationToken);

    /// <summary>Stops the agent; null when it worked, else why not.</summary>
    private Task<string?> StopAgentAsync(AgentRecord record, CancellationToken cancellationToken) =>
        DriveAsync(record, (driver, token) => driver.StopAsync(GrainFactory, record.Key, token), AgentState.Stopped, cancellationToken);

    private async Task<string?> DriveAsync(
        AgentRecord record, Func<IAgentDriver, CancellationToken, Task> call, AgentState reached, CancellationToken cancellationToken)
    {
        if (!drivers.TryGet(record.Type, out var driver))
        {
            return Unsupported(record);
        }

        using var budget = Budget(_options.CallTimeout, cancellationToken);
        string? error;
        try
        {
            await call(driver, budget.Token);
            record.Actual = reached;
            record.LastError = null;
            return null;
        }
        catch (OperationCanceledException) when (budget.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            error = $"no answer within {_options.CallTimeout.TotalSeconds:0.#} s";
        }
        catch (Exception exception) when (IsAgentFailure(exception))
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        record.Actual = AgentState.Failed;
        record.LastError = error;
        return error;
    }

    /// <summary>Reads the agent's status into its record; false (and the record failed) when the read failed or took too long.</summary>
    private async Task<bool> ReadStatusAsync(AgentRecord record, CancellationToken cancellationToken)
    {
        if (!drivers.TryGet(record.Type, out var driver))
        {
            Unsupported(record);
            return false;
        }

        using var budget = Budget(_options.StatusTimeout, cancellationToken);
        string error;
        try
        {
            var status = await driver.GetStatusAsync(GrainFactory, record.Key, budget.Token);
            record.Actual = status.State;
            record.Detail = status.Detail;
            record.Silo = status.Silo;
            record.LastStatusAt = time.GetUtcNow();
            if (status.State != AgentState.Failed)
            {
                record.LastError = null;
            }

            return true;
        }
        catch (OperationCanceledException) when (budget.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            error = $"status read: no answer within {_options.StatusTimeout.TotalSeconds:0.#} s";
        }
        catch (Exception exception) when (IsAgentFailure(exception))
        {
            error = $"status read: {exception.GetType().Name}: {exception.Message}";
        }

        record.Actual = AgentState.Failed;
        record.Detail = "unreachable";
        record.LastError = error;
        Log.StatusUnreadable(logger, record.Id, error);
        return false;
    }

    // A registry written by a silo that had a driver this one lacks: the agent is left alone, and says why.
    private string Unsupported(AgentRecord record)
    {
        record.Actual = AgentState.Failed;
        record.Detail = "no driver";
        record.LastError = $"this silo has no driver for agent type '{record.Type}' (AddCoordination registers them)";
        return record.LastError;
    }

    // What an agent's call may fail with when the agent (not the queen) is at fault: the runtime's own failures
    // (silo lost, activation failed, overloaded, storage), a timeout, or the agent refusing the call. Anything else is
    // a bug here and propagates.
    private static bool IsAgentFailure(Exception exception) =>
        exception is SwarmException or TimeoutException or ArgumentException or InvalidOperationException;
}
