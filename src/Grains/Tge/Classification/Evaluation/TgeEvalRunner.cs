namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>
/// The whole work of <c>tgeswarm tge eval</c>, with its writers passed in so tests run it in-process. Exit codes:
/// 0 figures printed; 2 bad arguments, an unreadable or malformed labels file (with the line), or invalid rules.
/// </summary>
internal static class TgeEvalRunner
{
    public const int Ok = 0;
    public const int BadInput = 2;

    public static int Run(string? labelsPath, string? rulesPath, string? splitName, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (string.IsNullOrWhiteSpace(labelsPath))
        {
            error.WriteLine("--labels FILE is required: JSON lines with title, optional summary, label true/false, optional kind and symbol");
            return BadInput;
        }

        var splitText = splitName ?? "all";
        if (!TgeLabelSplit.TryParse(splitText, out var split))
        {
            error.WriteLine($"--split must be tune, heldout or all (was '{splitText}')");
            return BadInput;
        }

        if (!File.Exists(labelsPath))
        {
            error.WriteLine($"labels file not found: {labelsPath}");
            return BadInput;
        }

        if (rulesPath is not null && !File.Exists(rulesPath))
        {
            error.WriteLine($"rules file not found: {rulesPath}");
            return BadInput;
        }

        try
        {
            var classifier = TgeClassifier.Create(new TgeClassifierOptions { RulesPath = rulesPath });
            IReadOnlyList<TgeLabel> labels;
            using (var reader = File.OpenText(labelsPath))
            {
                labels = TgeLabelReader.Read(reader, labelsPath);
            }

            TgeEvaluationReport.Write(output, TgeEvaluation.Run(classifier, labels, split), classifier.Rules.Source);
            return Ok;
        }
        catch (TgeRulesException exception)
        {
            foreach (var line in exception.Errors)
            {
                error.WriteLine(line);
            }

            return BadInput;
        }
        catch (TgeLabelFormatException exception)
        {
            error.WriteLine(exception.Message);
            return BadInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot read {labelsPath}: {exception.Message}");
            return BadInput;
        }
    }
}
