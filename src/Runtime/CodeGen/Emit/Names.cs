using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using TgeSwarm.Runtime.CodeGen.Model;
using TgeSwarm.Runtime.CodeGen.Parsing;

namespace TgeSwarm.Runtime.CodeGen.Emit;

/// <summary>
/// Names of generated classes. Everything goes into <c>SwarmCodeGen.&lt;Assembly&gt;</c>, so two assemblies never
/// declare the same type (even where InternalsVisibleTo would let them see each other's), and user namespaces stay
/// clean. Inside it, class names are the short type names; two types with one short name get a hash of the full
/// name appended, decided over the whole compilation so the result is deterministic.
/// </summary>
internal sealed class Names
{
    private readonly Dictionary<string, string> _names = [];

    public Names(string assemblyName, IEnumerable<(string FullName, string Candidate)> requests)
    {
        Namespace = "SwarmCodeGen." + Identifier(assemblyName);
        foreach (var group in requests.Distinct().GroupBy(r => r.Candidate))
        {
            var unique = group.Count() == 1;
            foreach (var (fullName, candidate) in group)
            {
                _names[fullName] = unique ? candidate : candidate + "_" + MethodParser.Fnv1a(fullName).ToString("X8", CultureInfo.InvariantCulture);
            }
        }
    }

    public string Namespace { get; }

    public string Qualified(string key) => "global::" + Namespace + "." + _names[key];

    public string this[string key] => _names[key];

    public static string CodecKey(SerializableTypeModel type) => "codec:" + type.FullName;

    public static string ProxyKey(GrainInterfaceModel grain) => "proxy:" + grain.FullName;

    public static string RequestKey(MethodModel method) => "request:" + method.Signature;

    public static string CodecCandidate(SerializableTypeModel type) => type.ShortName + "Codec";

    public static string ProxyCandidate(GrainInterfaceModel grain) => grain.ShortName + "Proxy";

    public static string RequestCandidate(MethodModel method) =>
        method.DeclaringShortName + "_" + method.Name
        + (method.IsOverloaded ? "_" + method.MethodId.ToString("X8", CultureInfo.InvariantCulture) : "") + "Request";

    public static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
