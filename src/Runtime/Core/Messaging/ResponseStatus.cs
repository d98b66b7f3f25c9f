namespace TgeSwarm.Runtime.Messaging;

internal enum ResponseStatus : byte
{
    /// <summary>The method ran; the body is its result.</summary>
    Success = 0,

    /// <summary>The method (or its activation) failed; the body is the exception.</summary>
    Error = 1,

    /// <summary>
    /// The runtime refused the request before running it (silo stopping, wrong silo generation, overloaded); the body
    /// is the exception. Nothing ran, so the caller may safely try again.
    /// </summary>
    Rejected = 2,
}
