namespace TgeSwarm.Runtime.CodeGen.Tests;

public sealed class BadContractTests
{
    [Theory]
    [InlineData("SWARM001", "public interface IG : IGrainWithStringKey { int Count(); }")]
    [InlineData("SWARM002", "public sealed class Plain { } public interface IG : IGrainWithStringKey { Task SetAsync(Plain value); }")]
    [InlineData("SWARM002", "public sealed class Plain { } public interface IG : IGrainWithStringKey { Task<List<Plain>> GetAsync(); }")]
    [InlineData("SWARM002", "public sealed class Plain { } [GenerateSerializer] public sealed class Holder { [Id(0)] public Plain? Value { get; set; } }")]
    [InlineData("SWARM003", "[GenerateSerializer] public sealed class Twice { [Id(1)] public int A { get; set; } [Id(1)] public int B { get; set; } }")]
    [InlineData("SWARM003", "[GenerateSerializer] public class B0 { [Id(1)] public int A { get; set; } } [GenerateSerializer] public sealed class D0 : B0 { [Id(1)] public int B { get; set; } }")]
    [InlineData("SWARM004", "public interface IG : IGrainWithStringKey { [OneWay] Task<int> CountAsync(); }")]
    [InlineData("SWARM005", "public interface IG<T> : IGrainWithStringKey { Task SetAsync(T value); }")]
    [InlineData("SWARM006", "[GenerateSerializer] public sealed class Box<T> { [Id(0)] public T? Value { get; set; } }")]
    [InlineData("SWARM007", "public interface IG : IGrainWithStringKey { int Count { get; } }")]
    [InlineData("SWARM007", "public interface IG : IGrainWithStringKey { Task SetAsync(ref int value); }")]
    [InlineData("SWARM008", "public sealed class Outer { [GenerateSerializer] private sealed class Hidden { [Id(0)] public int A { get; set; } } }")]
    [InlineData("SWARM009", "[GenerateSerializer] public sealed class Computed { [Id(0)] public int A => 1; }")]
    [InlineData("SWARM010", "public interface IG : IGrainWithStringKey { [ResponseTimeout(\"soon\")] Task RunAsync(); }")]
    public void A_bad_contract_fails_the_build_with_its_diagnostic(string id, string source)
    {
        var run = GeneratorHarness.Run("namespace Bad;\n" + source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.False(diagnostic.Location == Microsoft.CodeAnalysis.Location.None, "the error points at the source");
    }

    [Fact]
    public void A_missing_serializer_says_which_type_to_annotate()
    {
        var run = GeneratorHarness.Run("namespace Bad; public sealed class Plain { } public interface IG : IGrainWithStringKey { Task SetAsync(Dictionary<string, Plain> value); }");

        var message = Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("add [GenerateSerializer] to Plain", message, StringComparison.Ordinal);
        Assert.Contains("Parameter 'value' of grain method 'IG.SetAsync'", message, StringComparison.Ordinal);
    }
}
