using System.Linq;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Emit;

/// <summary>
/// Reads and assigns members, directly when generated code may, otherwise through [UnsafeAccessor] externs (private
/// fields, init-only or private setters, backing fields of get-only properties): no reflection at run time.
/// </summary>
internal static class MemberAccessEmitter
{
    private const string Accessor = "global::System.Runtime.CompilerServices.UnsafeAccessor";
    private const string Kind = "global::System.Runtime.CompilerServices.UnsafeAccessorKind";

    public static string Get(MemberModel member, int index, string target) => member.Getter switch
    {
        MemberAccess.Field => $"Field{index}({Ref(member)}{target})",
        MemberAccess.Method => $"Get{index}({Ref(member)}{target})",
        _ => $"{target}.{member.Name}",
    };

    public static string Set(MemberModel member, int index, string target, string value) => member.Setter switch
    {
        MemberAccess.Field => $"{SetterField(member, index)}({Ref(member)}{target}) = {value};",
        MemberAccess.Method => $"Set{index}({Ref(member)}{target}, {value});",
        _ => $"{target}.{member.Name} = {value};",
    };

    public static void EmitAccessors(CodeWriter code, SerializableTypeModel type)
    {
        for (var i = 0; i < type.Members.Length; i++)
        {
            var member = type.Members[i];
            var target = $"{Ref(member)}{member.DeclaringType} target";
            if (member.Getter == MemberAccess.Field)
            {
                code.Line($"[{Accessor}({Kind}.Field, Name = {Names.Literal(member.GetterName)})]")
                    .Line($"private static extern ref {member.Type} Field{i}({target});").Line();
            }
            else if (member.Getter == MemberAccess.Method)
            {
                code.Line($"[{Accessor}({Kind}.Method, Name = {Names.Literal(member.GetterName)})]")
                    .Line($"private static extern {member.Type} Get{i}({target});").Line();
            }

            if (type.Construction == ConstructionKind.Constructor && type.ConstructorMembers.Contains(member.Name))
            {
                continue;
            }

            if (member.Setter == MemberAccess.Field && SetterField(member, i) != $"Field{i}")
            {
                code.Line($"[{Accessor}({Kind}.Field, Name = {Names.Literal(member.SetterName)})]")
                    .Line($"private static extern ref {member.Type} Backing{i}({target});").Line();
            }
            else if (member.Setter == MemberAccess.Method)
            {
                code.Line($"[{Accessor}({Kind}.Method, Name = {Names.Literal(member.SetterName)})]")
                    .Line($"private static extern void Set{i}({target}, {member.Type} value);").Line();
            }
        }
    }

    private static string SetterField(MemberModel member, int index) =>
        member.Getter == MemberAccess.Field && member.GetterName == member.SetterName ? $"Field{index}" : $"Backing{index}";

    private static string Ref(MemberModel member) => member.DeclaringIsValueType ? "ref " : "";
}
