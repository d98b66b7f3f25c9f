namespace TgeSwarm.Runtime.Serialization;

internal static class ValueTupleCodecs
{
    public static bool TryGetDefinition(Type tupleDefinition, out Type codecDefinition)
    {
        codecDefinition = tupleDefinition == typeof(ValueTuple<>) ? typeof(ValueTupleCodec<>)
            : tupleDefinition == typeof(ValueTuple<,>) ? typeof(ValueTupleCodec<,>)
            : tupleDefinition == typeof(ValueTuple<,,>) ? typeof(ValueTupleCodec<,,>)
            : tupleDefinition == typeof(ValueTuple<,,,>) ? typeof(ValueTupleCodec<,,,>)
            : null!;
        return codecDefinition is not null;
    }
}
