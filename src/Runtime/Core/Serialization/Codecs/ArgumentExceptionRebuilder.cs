using System.Globalization;
using System.Reflection;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Rebuilds an <see cref="ArgumentException"/> (or a subclass) with its <see cref="ArgumentException.ParamName"/>,
/// which callers map to the offending field (a REST 400 names it).
///
/// The message on the wire is <see cref="Exception.Message"/>, to which .NET has already appended
/// " (Parameter 'x')" and, for <see cref="ArgumentOutOfRangeException"/>, a line with the actual value; passing it to
/// the constructor as is would append them twice. So the reader asks the same constructor what it appends to an empty
/// message, takes that tail off, and lets the constructor put it back. The actual value travels as the text the
/// message showed: its type is not needed, only the message must read as the callee wrote it. The rebuilt exception
/// is used only when its message equals the original (another resource language or line ending on the caller's
/// side would differ). A constructor without a parameter name (say <c>(message, innerException)</c>) is the last
/// resort: the message still reads as thrown, only the name is lost. When no constructor reproduces the message, the
/// codec's plain path takes over.
/// </summary>
internal static class ArgumentExceptionRebuilder
{
    private const string MessageParameter = "message";
    private const string ParamNameParameter = "paramName";
    private const string InnerParameter = "innerException";
    private const string ActualValueParameter = "actualValue";

    /// <summary>The parameter name worth sending for <paramref name="exception"/>, or null.</summary>
    public static string? ParamNameOf(Exception exception) =>
        exception is ArgumentException { ParamName: { Length: > 0 } paramName } ? paramName : null;

    /// <summary>The actual value as the message shows it (formatted like the runtime's resource string), or null.</summary>
    public static string? ActualValueTextOf(Exception exception) =>
        exception is ArgumentOutOfRangeException { ActualValue: { } actual }
            ? string.Format(CultureInfo.CurrentCulture, "{0}", actual)
            : null;

    /// <summary>
    /// An instance of <paramref name="type"/> whose message is exactly <paramref name="message"/>, with
    /// <paramref name="paramName"/> as its parameter name where a constructor can give it one, or null when no
    /// constructor reproduces the message.
    /// </summary>
    public static Exception? TryRebuild(Type type, string message, string paramName, string? actualValue, Exception? inner)
    {
        if (!typeof(ArgumentException).IsAssignableFrom(type))
        {
            return null;
        }

        ArgumentException? withoutParamName = null;
        foreach (var constructor in Candidates(type, inner is not null, actualValue is not null))
        {
            if (TryCreate(constructor, message, paramName, actualValue, inner) is not { } rebuilt)
            {
                continue;
            }

            if (string.Equals(rebuilt.ParamName, paramName, StringComparison.Ordinal))
            {
                return rebuilt;
            }

            withoutParamName ??= rebuilt;
        }

        return withoutParamName;
    }

    /// <summary>
    /// The constructor, called with the message less the tail it appends, if that gives back the message exactly.
    /// </summary>
    private static ArgumentException? TryCreate(ConstructorInfo constructor, string message, string paramName, string? actualValue, Exception? inner)
    {
        try
        {
            var tail = Create(constructor, "", paramName, actualValue, inner).Message;
            if (!message.EndsWith(tail, StringComparison.Ordinal))
            {
                return null;
            }

            var rebuilt = Create(constructor, message[..^tail.Length], paramName, actualValue, inner);
            return string.Equals(rebuilt.Message, message, StringComparison.Ordinal) ? rebuilt : null;
        }
        catch (TargetInvocationException)
        {
            // The constructor rejected an argument (an empty message, say): try the next one.
            return null;
        }
    }

    /// <summary>
    /// Constructors that take a message, the inner exception and the actual value when there are any, and nothing
    /// else: those with a parameter name first, then by fewest parameters. Matched by parameter name, because
    /// <see cref="ArgumentNullException"/> and <see cref="ArgumentOutOfRangeException"/> take (paramName, message),
    /// the reverse of <see cref="ArgumentException"/>'s (message, paramName), with the same types.
    /// </summary>
    private static IEnumerable<ConstructorInfo> Candidates(Type type, bool needsInner, bool needsActualValue) =>
        type.GetConstructors()
            .Select(static c => (Constructor: c, Parameters: c.GetParameters()))
            .Where(c => Fits(c.Parameters, needsInner, needsActualValue))
            .OrderBy(static c => c.Parameters.Any(static p => p.Name == ParamNameParameter) ? 0 : 1)
            .ThenBy(static c => c.Parameters.Length)
            .Select(static c => c.Constructor);

    private static bool Fits(ParameterInfo[] parameters, bool needsInner, bool needsActualValue)
    {
        bool message = false, inner = false, actualValue = false;
        foreach (var parameter in parameters)
        {
            switch (parameter.Name)
            {
                case MessageParameter when parameter.ParameterType == typeof(string):
                    message = true;
                    break;
                case ParamNameParameter when parameter.ParameterType == typeof(string):
                    break;
                case InnerParameter when parameter.ParameterType == typeof(Exception):
                    inner = true;
                    break;
                case ActualValueParameter when parameter.ParameterType == typeof(object):
                    actualValue = true;
                    break;
                default:
                    return false;
            }
        }

        return message && (inner || !needsInner) && (actualValue || !needsActualValue);
    }

    private static ArgumentException Create(ConstructorInfo constructor, string message, string paramName, string? actualValue, Exception? inner)
    {
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = parameters[i].Name switch
            {
                MessageParameter => message,
                ParamNameParameter => paramName,
                InnerParameter => inner,
                _ => actualValue,
            };
        }

        return (ArgumentException)constructor.Invoke(arguments);
    }
}
