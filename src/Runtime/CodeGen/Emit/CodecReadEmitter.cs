using System.Collections.Generic;
using System.Linq;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Emit;

/// <summary>The reading and deep-copying halves of a generated codec; both end in the same construction code.</summary>
internal static class CodecReadEmitter
{
    public static void EmitRead(CodeWriter code, SerializableTypeModel type, List<string> codecs)
    {
        code.Open($"public {type.Type} Read(ref SwarmSerialization.SwarmReader reader, SwarmSerialization.WireType wireType)");
        code.Open("if (wireType == SwarmSerialization.WireType.Null)").Line("return default!;").Close().Line();
        code.Open("if (wireType != SwarmSerialization.WireType.StartObject)")
            .Line($"throw reader.Unexpected(wireType, \"a {type.FullName} object\");").Close().Line();
        for (var i = 0; i < type.Members.Length; i++)
        {
            code.Line($"{type.Members[i].Type} m{i} = default!;");
            if (!InConstructor(type, i))
            {
                code.Line($"var has{i} = false;");
            }
        }

        code.Open("while (reader.TryReadMember(out var id, out var memberWireType))").Open("switch (id)");
        for (var i = 0; i < type.Members.Length; i++)
        {
            var member = type.Members[i];
            code.Line($"case {member.Id}u:");
            code.Line($"    m{i} = Codec{codecs.IndexOf(member.Type)}.Read(ref reader, memberWireType);");
            if (!InConstructor(type, i))
            {
                code.Line($"    has{i} = true;");
            }

            code.Line("    break;");
        }

        code.Line("default:").Line("    reader.SkipField(memberWireType);").Line("    break;");
        code.Close().Close().Line();
        EmitConstruction(code, type, onlyPresent: true);
        code.Close().Line();
    }

    public static void EmitDeepCopy(CodeWriter code, SerializableTypeModel type, List<string> codecs)
    {
        code.Open($"public {type.Type} DeepCopy({type.Type} value)");
        if (type.IsImmutable)
        {
            code.Line("return value;").Close().Line();
            return;
        }

        if (!type.IsValueType)
        {
            code.Open("if (value is null)").Line("return null!;").Close().Line();
        }

        for (var i = 0; i < type.Members.Length; i++)
        {
            var member = type.Members[i];
            var get = MemberAccessEmitter.Get(member, i, "value");
            code.Line(member.IsShallow ? $"var m{i} = {get};" : $"var m{i} = Codec{codecs.IndexOf(member.Type)}.DeepCopy({get});");
        }

        EmitConstruction(code, type, onlyPresent: false);
        code.Close().Line();
    }

    private static void EmitConstruction(CodeWriter code, SerializableTypeModel type, bool onlyPresent)
    {
        switch (type.Construction)
        {
            case ConstructionKind.Constructor:
                var args = type.ConstructorMembers.Select(name => "m" + IndexOf(type, name));
                code.Line($"var result = new {type.Type}({string.Join(", ", args)});");
                break;
            case ConstructionKind.Default:
                code.Line($"var result = new {type.Type}();");
                break;
            default:
                code.Line($"var result = ({type.Type})global::System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof({type.Type}));");
                break;
        }

        for (var i = 0; i < type.Members.Length; i++)
        {
            if (InConstructor(type, i))
            {
                continue;
            }

            var assign = MemberAccessEmitter.Set(type.Members[i], i, "result", "m" + i);
            code.Line(onlyPresent ? $"if (has{i}) {assign}" : assign);
        }

        code.Line("return result;");
    }

    private static bool InConstructor(SerializableTypeModel type, int index) =>
        type.Construction == ConstructionKind.Constructor && type.ConstructorMembers.Contains(type.Members[index].Name);

    private static int IndexOf(SerializableTypeModel type, string name)
    {
        for (var i = 0; i < type.Members.Length; i++)
        {
            if (type.Members[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
