namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>A labels file line that is not a valid labelled item; the message names the file and line.</summary>
public sealed class TgeLabelFormatException : Exception
{
    public TgeLabelFormatException()
    {
    }

    public TgeLabelFormatException(string message)
        : base(message)
    {
    }

    public TgeLabelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
