using System.Collections.Generic;
using System.Linq;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the <c>IFieldCodec&lt;T&gt;</c> of a [GenerateSerializer] type: an object of its [Id] members. Member codecs
/// are resolved once, on first use, into fields. Reading collects members into locals, then builds the value
/// through a constructor, then assigns only the members that arrived, so absent ids keep their initializers.
/// </summary>
internal static class CodecEmitter
{
    public static string Emit(SerializableTypeModel type, string className, string @namespace)
    {
        var code = CodeWriter.File(@namespace);
        code.Line("using SwarmSerialization = global::TgeSwarm.Runtime.Serialization;").Line();
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"TgeSwarm.Runtime.CodeGen\", \"1.0\")]");
        code.Open($"internal sealed class {className} : SwarmSerialization.IFieldCodec<{type.Type}>");
        if (type.IsEnum)
        {
            EmitEnum(code, type);
        }
        else
        {
            var codecs = type.Members.Select(m => m.Type).Distinct().ToList();
            EmitFields(code, className, codecs);
            EmitWrite(code, type, codecs);
            CodecReadEmitter.EmitRead(code, type, codecs);
            CodecReadEmitter.EmitDeepCopy(code, type, codecs);
            MemberAccessEmitter.EmitAccessors(code, type);
        }

        code.Close();
        return code.ToString();
    }

    private static void EmitEnum(CodeWriter code, SerializableTypeModel type)
    {
        code.Open($"public void Write(ref SwarmSerialization.SwarmWriter writer, uint fieldId, {type.Type} value)")
            .Line("writer.WriteFieldHeader(fieldId, SwarmSerialization.WireType.VarInt);")
            .Line("writer.WriteVarInt64(unchecked((long)value));")
            .Close().Line();
        code.Line($"public {type.Type} Read(ref SwarmSerialization.SwarmReader reader, SwarmSerialization.WireType wireType) => wireType switch")
            .Line("{")
            .Line($"    SwarmSerialization.WireType.VarInt => unchecked(({type.Type})reader.ReadVarInt64()),")
            .Line("    SwarmSerialization.WireType.Null => default,")
            .Line($"    _ => throw reader.Unexpected(wireType, \"a varint {type.FullName}\"),")
            .Line("};").Line();
        code.Line($"public {type.Type} DeepCopy({type.Type} value) => value;");
    }

    private static void EmitFields(CodeWriter code, string className, List<string> codecs)
    {
        code.Line("private readonly SwarmSerialization.CodecProvider _codecs;");
        for (var i = 0; i < codecs.Count; i++)
        {
            code.Line($"private SwarmSerialization.IFieldCodec<{codecs[i]}>? _codec{i};");
        }

        code.Line().Line($"public {className}(SwarmSerialization.CodecProvider codecs) => _codecs = codecs;").Line();
        for (var i = 0; i < codecs.Count; i++)
        {
            code.Line($"private SwarmSerialization.IFieldCodec<{codecs[i]}> Codec{i} => _codec{i} ??= _codecs.GetCodec<{codecs[i]}>();").Line();
        }
    }

    private static void EmitWrite(CodeWriter code, SerializableTypeModel type, List<string> codecs)
    {
        code.Open($"public void Write(ref SwarmSerialization.SwarmWriter writer, uint fieldId, {type.Type} value)");
        if (!type.IsValueType)
        {
            code.Open("if (value is null)").Line("writer.WriteNull(fieldId);").Line("return;").Close().Line();
        }

        code.Line("writer.WriteStartObject(fieldId);");
        for (var i = 0; i < type.Members.Length; i++)
        {
            var member = type.Members[i];
            code.Line($"Codec{codecs.IndexOf(member.Type)}.Write(ref writer, {member.Id}u, {MemberAccessEmitter.Get(member, i, "value")});");
        }

        code.Line("writer.WriteEndObject();").Close().Line();
    }
}
