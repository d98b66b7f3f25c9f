namespace TgeSwarm.Grains.Tests.Tge;

/// <summary>A private temporary folder for one test's files, deleted with the test.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tgeswarm-tge-" + Guid.NewGuid().ToString("N"));

    public TempFiles()
    {
        Directory.CreateDirectory(_root);
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
