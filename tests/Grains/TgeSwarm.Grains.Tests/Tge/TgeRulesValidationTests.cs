using System.Text;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Grains.Tests.Tge;

public sealed class TgeRulesValidationTests
{
    private const string Source = "rules-under-test.json";

    private const string Minimal = """
        { "version": 1, "positives": [ { "id": "list", "kind": "listing", "confidence": 0.9, "patterns": ["\\bwill list\\b"] } ],
          "symbols": [ { "id": "paren", "pattern": "\\((?<sym>[A-Z]+)\\)" } ] }
        """;

    [Fact]
    public void The_shipped_rules_load()
    {
        var rules = TgeRuleSetLoader.LoadDefault();

        Assert.NotEmpty(rules.Vetoes);
        Assert.NotEmpty(rules.Positives);
        Assert.Equal("embedded:tge-rules.json", rules.Source);
    }

    [Fact]
    public void A_minimal_document_loads_with_the_documented_defaults()
    {
        var rules = Load(Minimal);

        Assert.Equal(0.5, rules.Threshold);
        Assert.Equal(0.4, rules.NoContextFactor);
        Assert.Empty(rules.Vetoes);
    }

    [Theory]
    [InlineData("""{ "id": "list", "kind": "listing", "confidence": 0.9, "patterns": ["(unclosed"] }""", "rule 'list' field 'patterns[0]'", "not a valid regular expression")]
    [InlineData("""{ "id": "list", "kind": "listings", "confidence": 0.9, "patterns": ["x"] }""", "rule 'list' field 'kind'", "must be one of")]
    [InlineData("""{ "id": "list", "kind": "none", "confidence": 0.9, "patterns": ["x"] }""", "rule 'list' field 'kind'", "must be one of")]
    [InlineData("""{ "id": "list", "kind": "listing", "confidence": 1.5, "patterns": ["x"] }""", "rule 'list' field 'confidence'", "between 0 and 1")]
    [InlineData("""{ "id": "list", "kind": "listing", "confidence": 0.9, "patterns": [] }""", "rule 'list' field 'patterns'", "at least one pattern")]
    [InlineData("""{ "kind": "listing", "confidence": 0.9, "patterns": ["x"] }""", "rule 'positives[0]' field 'id'", "is required")]
    public void A_bad_positive_rule_is_named_with_its_field(string rule, string where, string problem)
    {
        var exception = Assert.Throws<TgeRulesException>(() => Load($$"""{ "version": 1, "positives": [ {{rule}} ] }"""));

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith(Source + ": " + where, error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_document_is_reported_at_once()
    {
        var exception = Assert.Throws<TgeRulesException>(() => Load("""
            { "version": 2, "threshold": -1,
              "vetoes": [ { "id": "v", "scope": "body", "patterns": ["ok"] }, { "id": "v", "patterns": ["ok"] } ],
              "positives": [ { "id": "list", "kind": "listing", "confidence": 0.9, "patterns": ["x"] } ],
              "symbols": [ { "id": "nogroup", "pattern": "\\(([A-Z]+)\\)" } ],
              "timeZones": { "XST": "+8" } }
            """));

        Assert.Contains(exception.Errors, error => error.Contains("rule '(document)' field 'version'", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.Contains("rule '(document)' field 'threshold'", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.Contains("rule 'v' field 'scope'", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.Contains("rule 'v' field 'id': is used by more than one rule", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.Contains("rule 'nogroup' field 'pattern'", StringComparison.Ordinal) && error.Contains("(?<sym>", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.Contains("rule 'timeZones' field 'XST'", StringComparison.Ordinal));
        Assert.Equal(6, exception.Errors.Count);
    }

    [Fact]
    public void A_misspelt_field_is_an_error_with_its_line()
    {
        var exception = Assert.Throws<TgeRulesException>(() => Load("""
            { "version": 1,
              "positives": [ { "id": "list", "kind": "listing", "confidence": 0.9, "paterns": ["x"] } ] }
            """));

        Assert.StartsWith(Source + ": line 2, ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("paterns", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_is_not_json_is_an_error_with_its_line()
    {
        var exception = Assert.Throws<TgeRulesException>(() => Load("{ \"version\": 1,\n  \"positives\": [ oops ] }"));

        Assert.StartsWith(Source + ": line 2, ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rules_file_from_a_path_replaces_the_shipped_rules()
    {
        using var files = new TempFiles();
        var path = files.Write("rules.json", Minimal);

        var classifier = TgeClassifier.Create(new TgeClassifierOptions { RulesPath = path });
        var verdict = classifier.Classify("Anyone Will List Foo (FOO) Perpetual");

        Assert.Equal(path, classifier.Rules.Source);
        Assert.True(verdict.IsTge);
        Assert.Equal("FOO", verdict.Symbol);
    }

    [Fact]
    public void The_options_validator_rejects_a_missing_or_invalid_rules_file()
    {
        using var files = new TempFiles();
        var validator = new TgeClassifierOptionsValidator();
        var bad = files.Write("bad.json", """{ "version": 1, "positives": [] }""");

        Assert.True(validator.Validate(null, new TgeClassifierOptions()).Succeeded);
        Assert.True(validator.Validate(null, new TgeClassifierOptions { RulesPath = Path.Combine(Path.GetTempPath(), "no-such-rules.json") }).Failed);
        var result = validator.Validate(null, new TgeClassifierOptions { RulesPath = bad });
        Assert.True(result.Failed);
        Assert.Contains("at least one positive rule", result.FailureMessage, StringComparison.Ordinal);
    }

    private static TgeRuleSet Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return TgeRuleSetLoader.Load(stream, Source);
    }
}
