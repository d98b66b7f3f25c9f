namespace TgeSwarm.Runtime.Membership;

/// <summary>Event ids of the membership agent's log messages (400-449), in one place so they stay unique and greppable.</summary>
internal static class MembershipEventIds
{
    public const int Joining = 400;
    public const int Joined = 401;
    public const int BecameActive = 402;
    public const int ShuttingDown = 403;
    public const int Left = 404;
    public const int StatusChanged = 405;
    public const int SuspicionVote = 406;
    public const int DeathDeclared = 407;
    public const int DeclaredDeadSelf = 408;
    public const int TableUnavailable = 409;
    public const int TableRecovered = 410;
    public const int GenerationCollision = 411;
    public const int SupersededRow = 412;
    public const int StaleRowDeclaredDead = 413;
    public const int ProbeFailed = 414;
    public const int ProbeRecovered = 415;
    public const int VoteContention = 416;
    public const int DefunctRowsDeleted = 417;
    public const int LoopStopped = 418;
    public const int JoinFailed = 419;
    public const int OwnRowMissing = 420;
    public const int ChangeFeedFailed = 421;
    public const int LeaveFailed = 422;
    public const int OwnStatusWritten = 423;
    public const int TableStillUnavailable = 424;
    public const int StaleRowAnswers = 425;
    public const int IndirectProbeReached = 426;
    public const int IndirectProbeFailed = 427;
    public const int IndirectProbeUnanswered = 428;
    public const int IndirectProbeRefused = 429;
}
