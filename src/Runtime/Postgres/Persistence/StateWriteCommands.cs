using System.Collections.Concurrent;
using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>
/// Lends out one provider's <see cref="StateWriteCommand"/>s, one write at a time each, so a state write allocates no
/// command, parameter or connection object (the command and the connection are finalizable, which makes each a slow
/// allocation). It keeps at most <see cref="IdleCapacity"/> idle commands of each kind; a command whose write threw
/// is disposed rather than lent out again.
/// </summary>
internal sealed class StateWriteCommands(NpgsqlDataSource dataSource, string serviceId)
{
    // Enough for as many concurrent writes as a silo's pool has sessions by default (100 is Npgsql's limit); beyond it
    // a write just builds a command as before.
    public const int IdleCapacity = 64;

    private readonly Idle _inserts = new();
    private readonly Idle _updates = new();

    /// <summary>Inserts the state when <paramref name="expected"/> is null, else updates the row still at that version; the version written, or null when that found no such row.</summary>
    public async Task<long?> WriteAsync(GrainId grainId, string stateName, GrainStatePayload payload, long? expected, CancellationToken cancellationToken)
    {
        var idle = expected is null ? _inserts : _updates;
        var command = idle.TryTake() ?? new StateWriteCommand(dataSource, serviceId, update: expected is not null);
        var lentAgain = false;
        try
        {
            var written = await command.ExecuteAsync(grainId, stateName, payload, expected ?? 0, cancellationToken);
            lentAgain = idle.TryPut(command);
            return written;
        }
        finally
        {
            if (!lentAgain)
            {
                await command.DisposeAsync();
            }
        }
    }

    private sealed class Idle
    {
        private readonly ConcurrentQueue<StateWriteCommand> _commands = new();
        private int _count;

        public StateWriteCommand? TryTake()
        {
            if (!_commands.TryDequeue(out var command))
            {
                return null;
            }

            Interlocked.Decrement(ref _count);
            return command;
        }

        public bool TryPut(StateWriteCommand command)
        {
            if (Interlocked.Increment(ref _count) > IdleCapacity)
            {
                Interlocked.Decrement(ref _count);
                return false;
            }

            _commands.Enqueue(command);
            return true;
        }
    }
}
