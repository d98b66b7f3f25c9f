using System.Collections.Frozen;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>The codecs of non-generic framework types. They hold no state, so one instance serves every provider.</summary>
internal static class BuiltInCodecs
{
    private static readonly FrozenDictionary<Type, IFieldCodec> Codecs = new Dictionary<Type, IFieldCodec>
    {
        [typeof(bool)] = new BoolCodec(),
        [typeof(byte)] = new IntegerCodec<byte>(),
        [typeof(sbyte)] = new IntegerCodec<sbyte>(),
        [typeof(short)] = new IntegerCodec<short>(),
        [typeof(ushort)] = new IntegerCodec<ushort>(),
        [typeof(int)] = new IntegerCodec<int>(),
        [typeof(uint)] = new IntegerCodec<uint>(),
        [typeof(long)] = new IntegerCodec<long>(),
        [typeof(ulong)] = new IntegerCodec<ulong>(),
        [typeof(char)] = new IntegerCodec<char>(),
        [typeof(float)] = new SingleCodec(),
        [typeof(double)] = new DoubleCodec(),
        [typeof(decimal)] = new DecimalCodec(),
        [typeof(string)] = new StringCodec(),
        [typeof(byte[])] = new ByteArrayCodec(),
        [typeof(Guid)] = new GuidCodec(),
        [typeof(DateTime)] = new DateTimeCodec(),
        [typeof(DateTimeOffset)] = new DateTimeOffsetCodec(),
        [typeof(TimeSpan)] = new TimeSpanCodec(),
        [typeof(GrainId)] = new GrainIdCodec(),
        [typeof(SiloAddress)] = new SiloAddressCodec(),
        [typeof(VoidResult)] = new VoidResultCodec(),
    }.ToFrozenDictionary();

    public static bool TryGet(Type type, out IFieldCodec codec) => Codecs.TryGetValue(type, out codec!);
}
