using System.Collections.Frozen;
using System.Text;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Wire names of types that have no registered alias: short names for the built-ins (<c>int</c>, <c>string</c>),
/// <c>name[]</c> for arrays and <c>name&lt;arg,arg&gt;</c> for the built-in generic collections. Assembly-qualified
/// names never go on the wire: they break on a rename and would let a peer make the reader load any type.
/// </summary>
internal static class TypeAliases
{
    private static readonly FrozenDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        [typeof(char)] = "char", [typeof(string)] = "string", [typeof(Guid)] = "guid", [typeof(DateTime)] = "datetime",
        [typeof(DateTimeOffset)] = "datetimeoffset", [typeof(TimeSpan)] = "timespan", [typeof(GrainId)] = "grainid", [typeof(SiloAddress)] = "siloaddress",
        [typeof(VoidResult)] = "void", [typeof(object)] = "object", [typeof(Exception)] = "exception",
        [typeof(List<>)] = "list", [typeof(HashSet<>)] = "set", [typeof(Dictionary<,>)] = "dict",
        [typeof(KeyValuePair<,>)] = "kvp", [typeof(ValueTuple<>)] = "tuple", [typeof(ValueTuple<,>)] = "tuple",
        [typeof(ValueTuple<,,>)] = "tuple", [typeof(ValueTuple<,,,>)] = "tuple",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> Types = Names
        .Where(pair => !pair.Key.IsGenericTypeDefinition || pair.Value != "tuple")
        .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    private static readonly Type[] TupleDefinitions = [typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>)];

    public static string Compose(Type type, Func<Type, string> aliasOf)
    {
        if (Names.TryGetValue(type, out var name))
        {
            return name;
        }

        if (type.IsSZArray)
        {
            return aliasOf(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType && Names.TryGetValue(type.GetGenericTypeDefinition(), out name))
        {
            var text = new StringBuilder(name).Append('<');
            var args = type.GetGenericArguments();
            for (var i = 0; i < args.Length; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(aliasOf(args[i]));
            }

            return text.Append('>').ToString();
        }

        // Exceptions travel by type name inside their own codec, so any of them can use the one alias.
        if (typeof(Exception).IsAssignableFrom(type))
        {
            return Names[typeof(Exception)];
        }

        throw new CodecNotFoundException(
            $"{type.FullName} has no wire alias, so it cannot be sent where its declared type is a base type or object: add [GenerateSerializer] to {type.Name}.");
    }

    public static Type Parse(string alias, Func<string, Type?> registered)
    {
        var position = 0;
        var type = ParseType(alias, ref position, registered);
        return position == alias.Length ? type : throw BadAlias(alias);
    }

    private static Type ParseType(string alias, ref int position, Func<string, Type?> registered)
    {
        var start = position;
        while (position < alias.Length && alias[position] is not ('<' or '>' or ',' or '['))
        {
            position++;
        }

        var name = alias[start..position];
        Type type;
        if (position < alias.Length && alias[position] == '<')
        {
            position++;
            var args = new List<Type>();
            while (true)
            {
                args.Add(ParseType(alias, ref position, registered));
                if (position >= alias.Length)
                {
                    throw BadAlias(alias);
                }

                if (alias[position++] == '>')
                {
                    break;
                }
            }

            type = MakeGeneric(name, args.ToArray(), alias);
        }
        else
        {
            type = registered(name) ?? (Types.TryGetValue(name, out var builtIn) && !builtIn.IsGenericTypeDefinition ? builtIn : null)
                ?? throw new SerializationException($"Unknown type alias '{name}' in '{alias}': the type is not registered in this process.");
        }

        while (position + 1 < alias.Length && alias[position] == '[' && alias[position + 1] == ']')
        {
            position += 2;
            type = type.MakeArrayType();
        }

        return type;
    }

    private static Type MakeGeneric(string name, Type[] args, string alias)
    {
        var definition = name == "tuple" && args.Length is >= 1 and <= 4
            ? TupleDefinitions[args.Length - 1]
            : Types.TryGetValue(name, out var found) && found.IsGenericTypeDefinition ? found : throw BadAlias(alias);
        try
        {
            return definition.MakeGenericType(args);
        }
        catch (ArgumentException ex)
        {
            throw new SerializationException($"Type alias '{alias}' names an impossible generic type.", ex);
        }
    }

    private static SerializationException BadAlias(string alias) => new($"Malformed type alias '{alias}'.");
}
