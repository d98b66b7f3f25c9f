namespace TgeSwarm.Runtime.CodeGen.Tests;

public sealed class GoodContractTests
{
    private const string Contracts = """
        namespace Sample;

        [GenerateSerializer]
        public enum Side { Buy, Sell }

        [GenerateSerializer]
        public sealed record Quote([Id(0)] string Symbol, [Id(1)] decimal Price, [Id(2)] Side Side, [Id(3)] List<int>? Sizes);

        [GenerateSerializer]
        public class Base
        {
            [Id(0)] protected int _hidden;
            [Id(1)] public string Name { get; init; } = "";
        }

        [GenerateSerializer]
        internal sealed class Derived : Base
        {
            public Derived() { }
            public Derived(Guid key) => _key = key;
            [Id(2)] public Dictionary<string, Quote> Quotes { get; } = new();
            [Id(3)] private readonly Guid _key;
            [Id(4)] public IReadOnlyList<Side> Sides { get; private set; } = [];
            public Guid Key => _key;
        }

        [GenerateSerializer]
        public record struct Point([property: Id(0)] int X, [property: Id(1)] int Y);

        public interface IBaseGrain : IGrain
        {
            Task<int> CountAsync();
        }

        public interface IQuoteGrain : IBaseGrain, IGrainWithStringKey
        {
            Task<Quote?> GetAsync(string symbol, CancellationToken cancellationToken);
            ValueTask<List<Quote>> ListAsync(Point from, int limit);
            Task SetAsync(Quote quote);
            ValueTask ResetAsync();
            [OneWay] Task NotifyAsync(string message);
            [OneWay] ValueTask TouchAsync();
            [AlwaysInterleave, ReadOnly, ResponseTimeout("00:01:30")] Task<IQuoteGrain> PeerAsync(IQuoteGrain other, Exception? failure);
            Task<(int, string)> PairAsync(KeyValuePair<string, int> pair);
            Task Overload(int value);
            Task Overload(string value);
            Task<int> ShadowAsync(int request, int pending);
            ValueTask ShadowAsync(string request, string pending);
        }

        [Alias("books")]
        internal interface IOrderBookGrain : IGrainWithIntegerKey
        {
        }

        public sealed class QuoteGrain : Grain, IQuoteGrain
        {
            public Task<int> CountAsync() => Task.FromResult(0);
            public Task<Quote?> GetAsync(string symbol, CancellationToken cancellationToken) => Task.FromResult<Quote?>(null);
            public ValueTask<List<Quote>> ListAsync(Point from, int limit) => new(new List<Quote>());
            public Task SetAsync(Quote quote) => Task.CompletedTask;
            public ValueTask ResetAsync() => default;
            public Task NotifyAsync(string message) => Task.CompletedTask;
            public ValueTask TouchAsync() => default;
            public Task<IQuoteGrain> PeerAsync(IQuoteGrain other, Exception? failure) => Task.FromResult(other);
            public Task<(int, string)> PairAsync(KeyValuePair<string, int> pair) => Task.FromResult((1, "a"));
            public Task Overload(int value) => Task.CompletedTask;
            public Task Overload(string value) => Task.CompletedTask;
            public Task<int> ShadowAsync(int request, int pending) => Task.FromResult(request + pending);
            public ValueTask ShadowAsync(string request, string pending) => default;
        }
        """;

    [Fact]
    public void A_good_contract_compiles_with_its_generated_code_and_no_diagnostics()
    {
        var run = GeneratorHarness.Run(Contracts);

        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompilationDiagnostics.IsEmpty, run.Describe());
    }

    [Fact]
    public void It_generates_a_codec_per_serializable_type_and_a_proxy_per_keyed_grain_interface()
    {
        var files = GeneratorHarness.Run(Contracts).Files.Keys.ToHashSet();

        Assert.Subset(files, new HashSet<string> { "QuoteCodec.g.cs", "DerivedCodec.g.cs", "BaseCodec.g.cs", "PointCodec.g.cs", "SideCodec.g.cs", "IQuoteGrainProxy.g.cs", "IOrderBookGrainProxy.g.cs", "SwarmCodeRegistration.g.cs" });
        Assert.DoesNotContain("IBaseGrainProxy.g.cs", files);
    }

    [Fact]
    public void The_registration_names_grain_types_by_convention_or_alias_and_registers_grain_classes()
    {
        var registration = GeneratorHarness.Run(Contracts).Files["SwarmCodeRegistration.g.cs"];

        Assert.Contains("AddGrainInterface<global::Sample.IQuoteGrain>(\"quote\"", registration, StringComparison.Ordinal);
        Assert.Contains("AddGrainInterface<global::Sample.IOrderBookGrain>(\"books\"", registration, StringComparison.Ordinal);
        Assert.Contains("AddGrainClass(typeof(global::Sample.QuoteGrain))", registration, StringComparison.Ordinal);
        Assert.Contains("[assembly: global::TgeSwarm.Runtime.CodeRegistry.SwarmGeneratedCode(typeof(global::SwarmCodeGen.Contracts.SwarmCodeRegistration))]", registration, StringComparison.Ordinal);
        Assert.Contains("\"Sample.IBaseGrain.CountAsync()\"", registration, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_mutable_arguments_are_deep_copied()
    {
        var requests = string.Concat(GeneratorHarness.Run(Contracts).Files.Where(f => f.Key.EndsWith("Requests.g.cs", StringComparison.Ordinal)).Select(f => f.Value));

        Assert.Contains("Arg0 = codecs.GetCodec<global::Sample.Quote>().DeepCopy(Arg0);", requests, StringComparison.Ordinal);
        Assert.DoesNotContain("GetCodec<string>().DeepCopy", requests, StringComparison.Ordinal);
        Assert.DoesNotContain("GetCodec<global::Sample.IQuoteGrain>().DeepCopy", requests, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_assemblies_generate_into_their_own_namespaces()
    {
        var first = GeneratorHarness.Run(Contracts, "First.Contracts").Files["SwarmCodeRegistration.g.cs"];
        var second = GeneratorHarness.Run(Contracts, "Second").Files["SwarmCodeRegistration.g.cs"];

        Assert.Contains("namespace SwarmCodeGen.First_Contracts;", first, StringComparison.Ordinal);
        Assert.Contains("namespace SwarmCodeGen.Second;", second, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compilation_without_contracts_generates_nothing()
    {
        var run = GeneratorHarness.Run("namespace Plain; public sealed class Nothing { }");

        Assert.Empty(run.Files);
    }
}
