namespace TgeSwarm.Runtime;

/// <summary>
/// A reminder operation could not be carried out: the registration changed between reading and writing it more often
/// than the runtime retries, or an unregistration named a version of the reminder that has since been replaced.
/// </summary>
public sealed class ReminderException : SwarmException
{
    public ReminderException()
    {
    }

    public ReminderException(string message)
        : base(message)
    {
    }

    public ReminderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Reading the reminder again and retrying may succeed.</summary>
    public override bool IsTransient => true;
}
