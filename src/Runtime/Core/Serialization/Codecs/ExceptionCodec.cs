using System.Reflection;
using System.Runtime.ExceptionServices;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// An exception as an object: field 1 its type (<c>Full.Name, Assembly</c>), 2 the message, 3 the stack trace, 4 the
/// inner exception; for an <see cref="ArgumentException"/>, 5 its parameter name and 6 the actual value's text (see
/// <see cref="ArgumentExceptionRebuilder"/>). The reader rebuilds the same type by reflection — the one place the call path may use it, since
/// failures are rare and must keep their type — through a (message, inner) or (message) constructor, else a
/// <see cref="SwarmException"/> naming the original type. The remote stack is attached with
/// <see cref="ExceptionDispatchInfo.SetRemoteStackTrace"/>, so when the caller awaits, its stack starts with the
/// grain method that threw. Exceptions are treated as immutable: a local call passes the same instance.
/// </summary>
internal sealed class ExceptionCodec<T>(CodecProvider codecs) : IFieldCodec<T>
    where T : Exception
{
    private IFieldCodec<Exception>? _inner;

    private IFieldCodec<Exception> Inner => _inner ??= codecs.GetCodec<Exception>();

    public void Write(ref SwarmWriter writer, uint fieldId, T value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        var type = value.GetType();
        writer.WriteStartObject(fieldId);
        WriteString(ref writer, 1, $"{type.FullName}, {type.Assembly.GetName().Name}");
        WriteString(ref writer, 2, value.Message);
        WriteString(ref writer, 3, value.StackTrace);
        if (value.InnerException is { } inner)
        {
            Inner.Write(ref writer, 4, inner);
        }

        WriteString(ref writer, 5, ArgumentExceptionRebuilder.ParamNameOf(value));
        WriteString(ref writer, 6, ArgumentExceptionRebuilder.ActualValueTextOf(value));

        writer.WriteEndObject();
    }

    public T Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType != WireType.StartObject)
        {
            return wireType == WireType.Null ? null! : throw reader.Unexpected(wireType, "an exception object");
        }

        string? typeName = null, message = null, stackTrace = null, paramName = null, actualValue = null;
        Exception? inner = null;
        while (reader.TryReadMember(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == WireType.LengthPrefixed:
                    typeName = reader.ReadString();
                    break;
                case 2 when type == WireType.LengthPrefixed:
                    message = reader.ReadString();
                    break;
                case 3 when type == WireType.LengthPrefixed:
                    stackTrace = reader.ReadString();
                    break;
                case 4:
                    inner = Inner.Read(ref reader, type);
                    break;
                case 5 when type == WireType.LengthPrefixed:
                    paramName = reader.ReadString();
                    break;
                case 6 when type == WireType.LengthPrefixed:
                    actualValue = reader.ReadString();
                    break;
                default:
                    reader.SkipField(type);
                    break;
            }
        }

        var exception = Rebuild(typeName ?? "System.Exception", message ?? "", inner, paramName, actualValue);
        if (!string.IsNullOrEmpty(stackTrace))
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(exception, stackTrace);
        }

        return exception as T ?? throw new SerializationException(
            $"A remote {typeName} arrived where a {typeof(T).FullName} was declared: {message}", exception);
    }

    public T DeepCopy(T value) => value;

    private static void WriteString(ref SwarmWriter writer, uint fieldId, string? value)
    {
        if (value is not null)
        {
            writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
            writer.WriteString(value);
        }
    }

    private static Exception Rebuild(string typeName, string message, Exception? inner, string? paramName, string? actualValue)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract)
        {
            if (paramName is not null && ArgumentExceptionRebuilder.TryRebuild(type, message, paramName, actualValue, inner) is { } argument)
            {
                return argument;
            }

            try
            {
                if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
                {
                    return (Exception)withInner.Invoke([message, inner]);
                }

                if (type.GetConstructor([typeof(string)]) is { } withMessage)
                {
                    return (Exception)withMessage.Invoke([message]);
                }
            }
            catch (TargetInvocationException)
            {
                // The constructor rejected the message (some validate it); fall back to the named SwarmException below.
            }
        }

        var shortName = typeName.Split(',')[0];
        return new SwarmException($"{shortName}: {message}", inner);
    }
}
