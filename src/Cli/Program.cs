using TgeSwarm.Cli.Api;

namespace TgeSwarm.Cli;

// A named entry point: top-level statements would declare a global Program that clashes with the silo's in tests
// that see both assemblies' internals.
internal static class Program
{
    public static async Task<int> Main(string[] args) =>
        await CliCommands.Create(new ApiConnector()).Parse(args).InvokeAsync();
}
