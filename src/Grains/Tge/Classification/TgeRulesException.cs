namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// A rules file that cannot be used: unreadable JSON or a rule that fails validation. <see cref="Errors"/> has one
/// line per problem, each naming the file, the rule and the field.
/// </summary>
public sealed class TgeRulesException : Exception
{
    public TgeRulesException()
    {
        Errors = [];
    }

    public TgeRulesException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public TgeRulesException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public TgeRulesException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
