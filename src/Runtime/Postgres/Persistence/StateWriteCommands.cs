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
    // Idle commands hold no session, only a few hundred bytes each; 64 covers the concurrent writes of a busy silo,
    // and a write beyond it just builds a command of its own.
    public const int IdleCapacity = 64;

    private readonly Idle _inserts = new();
    private readonly Idle _updates = new();

    /// <summary>A command for the insert (<paramref name="update"/> false) or the versioned update; hand it back with <see cref="ReturnAsync"/>.</summary>
    public StateWriteCommand Rent(bool update) =>
        (update ? _updates : _inserts).TryTake() ?? new StateWriteCommand(dataSource, serviceId, update);

    /// <param name="command">A command from <see cref="Rent"/>, no longer in use.</param>
    /// <param name="reusable">False when its write threw: then it is disposed, never lent out again.</param>
    public ValueTask ReturnAsync(StateWriteCommand command, bool reusable) =>
        reusable && (command.IsUpdate ? _updates : _inserts).TryPut(command) ? ValueTask.CompletedTask : command.DisposeAsync();

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
