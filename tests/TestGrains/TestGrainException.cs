namespace TgeSwarm.TestGrains;

/// <summary>An application exception type the tests expect to arrive with its own type.</summary>
public sealed class TestGrainException : Exception
{
    public TestGrainException()
    {
    }

    public TestGrainException(string message)
        : base(message)
    {
    }

    public TestGrainException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
