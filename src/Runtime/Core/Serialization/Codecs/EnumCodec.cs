using System.Runtime.CompilerServices;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>An enum as the zig-zag varint of its underlying value, reinterpreted without boxing.</summary>
internal sealed class EnumCodec<T> : IFieldCodec<T>
    where T : struct, Enum
{
    public void Write(ref SwarmWriter writer, uint fieldId, T value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(ToInt64(value));
    }

    public T Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.VarInt => FromInt64(reader.ReadVarInt64()),
        WireType.Null => default,
        _ => throw reader.Unexpected(wireType, $"a varint {typeof(T).Name}"),
    };

    public T DeepCopy(T value) => value;

    private static long ToInt64(T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, sbyte>(ref value),
        2 => Unsafe.As<T, short>(ref value),
        4 => Unsafe.As<T, int>(ref value),
        _ => Unsafe.As<T, long>(ref value),
    };

    private static T FromInt64(long value)
    {
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                var b = (sbyte)value;
                return Unsafe.As<sbyte, T>(ref b);
            case 2:
                var s = (short)value;
                return Unsafe.As<short, T>(ref s);
            case 4:
                var i = (int)value;
                return Unsafe.As<int, T>(ref i);
            default:
                return Unsafe.As<long, T>(ref value);
        }
    }
}
