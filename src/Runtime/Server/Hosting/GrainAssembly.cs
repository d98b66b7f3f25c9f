using System.Reflection;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>An assembly the application named explicitly as holding grain code.</summary>
internal sealed record GrainAssembly(Assembly Assembly);
