namespace TgeSwarm.Runtime.Dashboard.Diagnostics;

/// <summary>Event ids of the dashboard's log messages, in one place so they stay unique and greppable.</summary>
internal static class DashboardEventIds
{
    public const int SamplingStarted = 7000;
    public const int SamplingStopped = 7001;
    public const int SampleFailed = 7002;
    public const int PanelFailed = 7003;
    public const int ClusterViewFailed = 7004;
    public const int LiveClientConnected = 7010;
    public const int LiveClientDisconnected = 7011;
    public const int LoginCookieSet = 7020;
    public const int AccessDenied = 7021;
}
