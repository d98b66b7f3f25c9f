namespace TgeSwarm.Runtime.Diagnostics;

/// <summary>Event ids of the silo's log messages, in one place so they stay unique and greppable.</summary>
internal static class SiloEventIds
{
    public const int SiloStarting = 100;
    public const int SiloStarted = 101;
    public const int SiloStopping = 102;
    public const int SiloStopped = 103;
    public const int LifecycleStageFailed = 104;
    public const int GrainTypesLoaded = 105;

    public const int ActivationFailed = 200;
    public const int DeactivationFailed = 201;
    public const int ActivationCollected = 202;
    public const int ActivationStuck = 203;
    public const int InconsistentState = 204;
    public const int MailboxFull = 205;
    public const int OneWayCallFailed = 206;
    public const int TimerTickFailed = 207;
    public const int DeadlockDetected = 208;
    public const int CallTimedOut = 209;
    public const int CollectorFailed = 210;
    public const int CollectorStopped = 211;
    public const int TimeoutSweepStopped = 212;
    public const int WorkItemFailed = 213;
    public const int ShutdownDeactivationsOutstanding = 214;

    public const int DuplicateActivation = 500;
    public const int DirectoryHopLimit = 501;
    public const int DirectoryUnregisterFailed = 502;
    public const int DirectoryReregistered = 503;
    public const int ViewChanged = 504;
    public const int ForwardLimitReached = 505;
    public const int RemoteRequestRejected = 506;
    public const int MalformedFrame = 507;
    public const int ResponseUndeliverable = 508;
    public const int CallsFailedForDeadSilo = 509;
    public const int HandOverWaitTimedOut = 510;
    public const int ViewChangeFailed = 511;
    public const int LateResponse = 512;
    public const int ConnectionClosed = 513;
    public const int ConnectFailed = 514;
    public const int SiloDeclaredDead = 515;
    public const int ClusterJoined = 516;
}
