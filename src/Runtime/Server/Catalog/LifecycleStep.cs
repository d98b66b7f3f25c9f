namespace TgeSwarm.Runtime.Catalog;

internal enum LifecycleStep
{
    None,
    Activate,
    Deactivate,
}
