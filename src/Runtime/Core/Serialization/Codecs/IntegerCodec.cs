using System.Numerics;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Every integer type (and <see cref="char"/>) as a varint, zig-zag when signed. Widening a member (int to long)
/// keeps old data readable; a value that does not fit the reader's type fails instead of wrapping.
/// </summary>
internal sealed class IntegerCodec<T> : IFieldCodec<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    private static readonly bool Signed = T.IsNegative(T.MinValue);

    public void Write(ref SwarmWriter writer, uint fieldId, T value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        if (Signed)
        {
            writer.WriteVarInt64(long.CreateTruncating(value));
        }
        else
        {
            writer.WriteVarUInt64(ulong.CreateTruncating(value));
        }
    }

    public T Read(ref SwarmReader reader, WireType wireType)
    {
        switch (wireType)
        {
            case WireType.VarInt:
                if (Signed)
                {
                    var signed = reader.ReadVarInt64();
                    return signed >= long.CreateTruncating(T.MinValue) && signed <= long.CreateTruncating(T.MaxValue)
                        ? T.CreateTruncating(signed)
                        : throw reader.Malformed($"{signed} does not fit a {typeof(T).Name}");
                }

                var unsigned = reader.ReadVarUInt64();
                return unsigned <= ulong.CreateTruncating(T.MaxValue)
                    ? T.CreateTruncating(unsigned)
                    : throw reader.Malformed($"{unsigned} does not fit a {typeof(T).Name}");
            case WireType.Null:
                return default;
            default:
                throw reader.Unexpected(wireType, "a varint");
        }
    }

    public T DeepCopy(T value) => value;
}
