using System.Collections.Generic;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Emit;

/// <summary>
/// Argument copying and serialization of a request. Arguments travel as one object, argument i as field i + 1, so a
/// reader skips what it does not know like in any other object.
/// </summary>
internal static class RequestArgumentsEmitter
{
    private const string Ser = "global::TgeSwarm.Runtime.Serialization";

    public static void Emit(CodeWriter code, MethodModel method, List<ParameterModel> args)
    {
        code.Open($"public override void CopyArguments({Ser}.CodecProvider codecs)");
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].IsShallow)
            {
                code.Line($"Arg{i} = codecs.GetCodec<{args[i].Type}>().DeepCopy(Arg{i});");
            }
        }

        code.Close().Line();
        code.Open($"public override void WriteArguments(ref {Ser}.SwarmWriter writer, {Ser}.CodecProvider codecs)");
        code.Line("writer.WriteStartObject(0);");
        for (var i = 0; i < args.Count; i++)
        {
            code.Line($"codecs.GetCodec<{args[i].Type}>().Write(ref writer, {i + 1}u, Arg{i});");
        }

        code.Line("writer.WriteEndObject();").Close().Line();
        code.Open($"public override void ReadArguments(ref {Ser}.SwarmReader reader, {Ser}.CodecProvider codecs)");
        code.Open("if (!reader.TryReadFieldHeader(out _, out var wireType))")
            .Line($"throw reader.Truncated(\"the arguments of {method.InterfaceName}.{method.Name}\");").Close().Line();
        code.Open($"if (wireType != {Ser}.WireType.StartObject)")
            .Line("throw reader.Unexpected(wireType, \"an argument object\");").Close().Line();
        code.Open("while (reader.TryReadMember(out var id, out var argumentWireType))").Open("switch (id)");
        for (var i = 0; i < args.Count; i++)
        {
            code.Line($"case {i + 1}u:")
                .Line($"    Arg{i} = codecs.GetCodec<{args[i].Type}>().Read(ref reader, argumentWireType);")
                .Line("    break;");
        }

        code.Line("default:").Line("    reader.SkipField(argumentWireType);").Line("    break;");
        code.Close().Close().Close();
    }
}
