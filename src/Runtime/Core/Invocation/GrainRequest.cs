using System.Threading.Tasks.Sources;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// One call of one grain method: its arguments, how to run it on a grain instance, and (through
/// <see cref="GrainRequest{TResult}"/>) its result. The code generator writes a sealed subclass per interface
/// method; the runtime schedules, copies, serializes and completes requests through these members only, so the
/// call path needs no reflection.
/// </summary>
public abstract class GrainRequest
{
    /// <summary>The call context captured from the caller: request-context values and the chain of waiting grains.</summary>
    internal CallContextData? CallContext;

    /// <summary>Who receives the outcome instead of the caller's awaiter: a filter chain, a timer, a remote caller.</summary>
    internal IResponseSink? ResponseSink;

    internal GrainId TargetId;

    /// <summary>The calling grain, or default for a call from a client.</summary>
    internal GrainId SourceId;

    /// <summary>When the request started running in its activation (a timestamp of the silo's call clock), or 0.</summary>
    internal long StartedTimestamp;

    /// <summary>The caller's cancellation registration, disposed when the request ends.</summary>
    internal CancellationTokenRegistration CancellationRegistration;

    /// <summary>When the caller stops waiting (a timestamp of the silo's call clock), or 0 for no limit (one-way calls).</summary>
    internal long DeadlineTimestamp;

    /// <summary>The caller was answered already (timeout, cancellation): if still queued, the request is dropped unrun.</summary>
    internal bool Abandoned;

    /// <summary>The correlation id while the request waits for a response from another process, else 0.</summary>
    internal long MessageId;

    /// <summary>The silo the request was sent to while it waits for that silo's response, else null.</summary>
    internal SiloAddress? TargetSilo;

    /// <summary>How many times silos have passed the request on (stale routes); bounded.</summary>
    internal byte ForwardCount;

    /// <summary>How many times a client sent the request again through another gateway because the first never took it; bounded.</summary>
    internal byte ResendCount;

    /// <summary>
    /// Whether the arguments are already this request's own (read from the wire, or copied once), so local delivery
    /// must not copy them again.
    /// </summary>
    internal bool ArgumentsArePrivate;

    /// <summary>The silo that sent this request here, when it came from another silo.</summary>
    internal SiloAddress? SendingSilo;

    /// <summary>Whether the request arrived from another process (so sending it on is a forward, and bounded).</summary>
    internal bool ArrivedFromRemote;

    /// <summary>Stable id of the interface method, the key of the request factory on the receiving side.</summary>
    public abstract uint MethodId { get; }

    /// <summary>The grain interface's full name (or alias), for errors, logs and filters.</summary>
    public abstract string InterfaceName { get; }

    public abstract string MethodName { get; }

    public virtual InvokeOptions Options => InvokeOptions.None;

    /// <summary>A per-method override of the response timeout (<c>[ResponseTimeout]</c>), or null.</summary>
    public virtual TimeSpan? ResponseTimeout => null;

    public abstract int ArgumentCount { get; }

    /// <summary>The argument at <paramref name="index"/>, boxed: for filters and diagnostics, not the call path.</summary>
    public abstract object? GetArgument(int index);

    /// <summary>
    /// The method's <see cref="System.Threading.CancellationToken"/> argument, if it has one. The caller's token
    /// cancels the call; on the receiving side the runtime sets a token of its own here before invoking.
    /// </summary>
    public virtual CancellationToken CancellationToken
    {
        get => default;
        set { }
    }

    /// <summary>Runs the method on <paramref name="target"/> and keeps its result for <see cref="Complete"/>.</summary>
    public abstract ValueTask InvokeAsync(object target);

    /// <summary>The result kept by <see cref="InvokeAsync"/>, boxed: for filters, not the call path.</summary>
    public abstract object? GetResult();

    /// <summary>Replaces the kept result (an incoming call filter may).</summary>
    public abstract void SetResult(object? result);

    /// <summary>Replaces each mutable argument with a deep copy, so a local callee cannot see the caller's later changes.</summary>
    public abstract void CopyArguments(CodecProvider codecs);

    /// <summary>Replaces a mutable kept result with a deep copy.</summary>
    public abstract void CopyResult(CodecProvider codecs);

    public abstract void WriteArguments(ref SwarmWriter writer, CodecProvider codecs);

    public abstract void ReadArguments(ref SwarmReader reader, CodecProvider codecs);

    public abstract void WriteResult(ref SwarmWriter writer, CodecProvider codecs);

    public abstract void ReadResult(ref SwarmReader reader, CodecProvider codecs);

    /// <summary>Completes the caller's awaiter with the kept result.</summary>
    public abstract void Complete();

    /// <summary>Completes the caller's awaiter with <paramref name="exception"/>.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Whether <see cref="Complete"/> or <see cref="Fail"/> already ran (a late response is then dropped).</summary>
    public abstract bool IsCompleted { get; }

    /// <summary>
    /// The first half of <see cref="Complete"/>/<see cref="Fail"/>: settles the outcome (<paramref name="error"/>, or the
    /// kept result) without releasing the caller yet. False if an outcome was settled already; true obliges the
    /// winner to call <see cref="ReleaseCaller"/>.
    /// </summary>
    internal abstract bool TrySettle(Exception? error);

    /// <summary>
    /// Hands the settled outcome to the caller's awaiter: on this thread (<paramref name="inline"/>: the caller's
    /// continuation may run here, so only from a thread that holds no lock and runs no grain), or queued to the pool.
    /// </summary>
    internal abstract void ReleaseCaller(bool inline);

    public override string ToString() => $"{InterfaceName}.{MethodName}";
}
