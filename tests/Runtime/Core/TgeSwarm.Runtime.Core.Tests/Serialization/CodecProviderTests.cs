using System.Reflection;

namespace TgeSwarm.Runtime.Tests.Serialization;

/// <summary>
/// <see cref="CodecProvider.GetCodec{T}"/> answers from a table that grows by copying while other threads read it:
/// every type must keep getting the one codec the provider made for it, however many types there are.
/// </summary>
public sealed class CodecProviderTests
{
    private static readonly MethodInfo GetCodecOfT = typeof(CodecProvider).GetMethod(nameof(CodecProvider.GetCodec), Type.EmptyTypes)!;

    [Fact]
    public void Hundreds_of_types_resolved_from_several_threads_each_get_one_codec()
    {
        var provider = new CodecProvider(TestSerializers.Registry());
        var types = ManyTypes();
        Assert.True(types.Count > 200, $"only {types.Count} types");

        // Four threads walk the types in different orders, so adds (and the table copies they make) overlap lookups.
        var seen = new object[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            var order = types.Select((type, index) => (type, index)).OrderBy(t => (t.index * (thread + 1) * 7919) % types.Count).ToList();
            var codecs = new object[types.Count];
            foreach (var (type, index) in order)
            {
                codecs[index] = GetCodecOfT.MakeGenericMethod(type).Invoke(provider, null)!;
            }

            seen[thread] = codecs;
        });

        for (var i = 0; i < types.Count; i++)
        {
            var expected = provider.GetCodec(types[i]);
            Assert.IsAssignableFrom(typeof(IFieldCodec<>).MakeGenericType(types[i]), expected);
            Assert.All(seen, codecs => Assert.Same(expected, codecs[i]));
            Assert.Same(expected, GetCodecOfT.MakeGenericMethod(types[i]).Invoke(provider, null));
        }
    }

    [Fact]
    public void A_type_without_a_codec_fails_every_time_it_is_asked_for()
    {
        var provider = new CodecProvider(TestSerializers.Registry());

        Assert.Throws<CodecNotFoundException>(() => provider.GetCodec<Random>());
        Assert.Throws<CodecNotFoundException>(() => provider.GetCodec<Random>());
    }

    [Fact]
    public void Each_provider_has_its_own_codecs_for_generated_types()
    {
        var first = new CodecProvider(TestSerializers.Registry());
        var second = new CodecProvider(TestSerializers.Registry());

        var codec = first.GetCodec<Contracts.Trade>();

        Assert.Same(codec, first.GetCodec<Contracts.Trade>());
        Assert.NotSame(codec, second.GetCodec<Contracts.Trade>());
    }

    private static List<Type> ManyTypes()
    {
        Type[] leaves = [typeof(int), typeof(long), typeof(string), typeof(bool), typeof(double), typeof(decimal), typeof(Guid), typeof(DateTime), typeof(byte), typeof(short), typeof(TimeSpan), typeof(Contracts.Trade)];
        Func<Type, Type>[] wrappers =
        [
            t => typeof(List<>).MakeGenericType(t),
            t => typeof(HashSet<>).MakeGenericType(t),
            t => t.MakeArrayType(),
            t => typeof(IReadOnlyList<>).MakeGenericType(t),
            t => typeof(Dictionary<,>).MakeGenericType(typeof(string), t),
            t => typeof(KeyValuePair<,>).MakeGenericType(typeof(int), t),
            t => typeof(ValueTuple<,>).MakeGenericType(t, typeof(int)),
        ];
        var types = new List<Type>(leaves);
        foreach (var leaf in leaves)
        {
            foreach (var wrap in wrappers)
            {
                var once = wrap(leaf);
                types.Add(once);
                types.Add(typeof(List<>).MakeGenericType(once));
                types.Add(typeof(Dictionary<,>).MakeGenericType(typeof(long), once));
            }
        }

        return types;
    }
}
