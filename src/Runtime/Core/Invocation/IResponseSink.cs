namespace TgeSwarm.Runtime.Invocation;

/// <summary>Receives a request's outcome in place of the caller's awaiter (see <see cref="GrainRequest.ResponseSink"/>).</summary>
internal interface IResponseSink
{
    /// <summary>Whether the outcome goes on to a caller in this process, which must get a copy of a mutable result.</summary>
    bool NeedsResultCopy { get; }

    /// <summary>The request ran: its result is kept in the request, or it failed with <paramref name="exception"/>.</summary>
    void OnResponse(GrainRequest request, Exception? exception);
}
