using TgeSwarm.Grains.Tge.Classification.Evaluation;

namespace TgeSwarm.Grains.Tests.Tge;

public sealed class TgeEvalRunnerTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Prints_the_four_figures_and_the_misclassified_items()
    {
        var labels = _files.Write("labels.jsonl", """
            {"title":"Binance Will List Foo (FOO) with Seed Tag Applied","label":true,"kind":"listing","symbol":"FOO","reason":"first listing"}

            {"title":"Introducing Bar (BAR) on Binance Megadrop","label":true,"kind":"launchpool","symbol":"BAR","reason":"kind deliberately wrong"}
            {"title":"Binance Futures Will Launch USDⓈ-Margined FOOUSDT Perpetual Contract","label":false}
            {"title":"Foo community gathers in Lisbon","summary":"A meetup.","label":true,"reason":"deliberately wrong label"}
            """);

        var code = TgeEvalRunner.Run(labels, null, "all", _output, _error);

        Assert.Equal(0, code);
        var report = _output.ToString();
        Assert.Contains("split all: 4 items, 3 TGE", report, StringComparison.Ordinal);
        Assert.Contains("precision        1.000 (2/2)", report, StringComparison.Ordinal);
        Assert.Contains("recall           0.667 (2/3)", report, StringComparison.Ordinal);
        Assert.Contains("kind accuracy    0.500 (1/2)", report, StringComparison.Ordinal);
        Assert.Contains("symbol accuracy  1.000 (2/2)", report, StringComparison.Ordinal);
        Assert.Contains("misclassified: 2", report, StringComparison.Ordinal);
        Assert.Contains("line 3 [wrong kind]", report, StringComparison.Ordinal);
        Assert.Contains("line 5 [false negative]", report, StringComparison.Ordinal);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public void A_split_scores_only_its_half()
    {
        var titles = Enumerable.Range(0, 40).Select(index => $"Binance Will List Token{index} (T{index})").ToList();
        var labels = _files.Write("labels.jsonl", string.Join('\n', titles.Select(title => $$"""{"title":"{{title}}","label":true}""")));
        var tune = titles.Count(title => TgeLabelSplit.Of(title) == TgeSplit.Tune);

        Assert.Equal(0, TgeEvalRunner.Run(labels, null, "tune", _output, _error));

        Assert.InRange(tune, 1, 39);
        Assert.Contains($"split tune: {tune} items", _output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"x","label":true}""" + "\n" + """{"title":"y","label":"yes"}""", "labels.jsonl:2: 'label' is required and must be true or false")]
    [InlineData("""{"title":"x","label":true}""" + "\n\n" + "{not json", "labels.jsonl:3: not valid JSON")]
    [InlineData("""{"label":true}""", "labels.jsonl:1: 'title' is required")]
    [InlineData("""{"title":"x","label":true,"kind":"ipo"}""", "labels.jsonl:1: 'kind' must be one of")]
    [InlineData("""{"title":"x","label":true,"symbol":7}""", "labels.jsonl:1: 'symbol' must be a string")]
    [InlineData("[1,2]", "labels.jsonl:1: expected a JSON object")]
    public void A_malformed_line_exits_2_naming_the_line(string content, string message)
    {
        var labels = _files.Write("labels.jsonl", content);

        var code = TgeEvalRunner.Run(labels, null, null, _output, _error);

        Assert.Equal(2, code);
        Assert.Contains(message, _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public void Bad_arguments_exit_2_with_a_message()
    {
        var labels = _files.Write("labels.jsonl", """{"title":"x","label":true}""");
        var badRules = _files.Write("rules.json", """{ "version": 1, "positives": [ { "id": "p", "kind": "listing", "confidence": 0.9, "patterns": ["("] } ] }""");

        Assert.Equal(2, TgeEvalRunner.Run(null, null, null, _output, _error));
        Assert.Equal(2, TgeEvalRunner.Run(labels, null, "half", _output, _error));
        Assert.Equal(2, TgeEvalRunner.Run(labels + ".missing", null, null, _output, _error));
        Assert.Equal(2, TgeEvalRunner.Run(labels, labels + ".missing", null, _output, _error));
        Assert.Equal(2, TgeEvalRunner.Run(labels, badRules, null, _output, _error));

        var error = _error.ToString();
        Assert.Contains("--labels FILE is required", error, StringComparison.Ordinal);
        Assert.Contains("--split must be tune, heldout or all (was 'half')", error, StringComparison.Ordinal);
        Assert.Contains("labels file not found", error, StringComparison.Ordinal);
        Assert.Contains("rules file not found", error, StringComparison.Ordinal);
        Assert.Contains("rule 'p' field 'patterns[0]'", error, StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    public void Dispose()
    {
        _files.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}
