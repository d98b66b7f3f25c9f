using System.Linq;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Emit;

/// <summary>
/// Writes a grain interface's proxy: a GrainReference implementing each method (inherited ones included) explicitly,
/// so methods of several interfaces never clash with each other or with GrainReference's members. A call fills a
/// request object, which is also the caller's awaitable, and hands it to the runtime.
/// </summary>
internal static class ProxyEmitter
{
    private const string Invocation = "global::TgeSwarm.Runtime.Invocation";

    public static string Emit(GrainInterfaceModel grain, string className, Names names)
    {
        var code = CodeWriter.File(names.Namespace);
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"TgeSwarm.Runtime.CodeGen\", \"1.0\")]");
        code.Open($"internal sealed class {className} : {Invocation}.GrainReference, {grain.Type}");
        code.Line($"public {className}(global::TgeSwarm.Runtime.GrainId grainId, {Invocation}.IGrainReferenceRuntime runtime)")
            .Line("    : base(grainId, runtime)").Line("{").Line("}").Line();
        code.Line($"public override global::System.Type InterfaceType => typeof({grain.Type});");
        foreach (var method in grain.Methods)
        {
            code.Line();
            EmitMethod(code, method, names.Qualified(Names.RequestKey(method)));
        }

        code.Close();
        return code.ToString();
    }

    // The locals' names are reserved-looking, so no parameter of a contract (say "request") can shadow them.
    private const string Request = "__swarmRequest";
    private const string Pending = "__swarmPending";

    private static void EmitMethod(CodeWriter code, MethodModel method, string requestType)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{p.Type} @{p.Name}"));
        code.Open($"{method.ReturnType} {method.DeclaringType}.{method.Name}({parameters})");
        code.Line($"var {Request} = new {requestType}();");
        var index = 0;
        foreach (var parameter in method.Parameters)
        {
            code.Line(parameter.IsCancellationToken
                ? $"{Request}.CancellationToken = @{parameter.Name};"
                : $"{Request}.Arg{index++} = @{parameter.Name};");
        }

        var oneWay = (method.Options & 1) != 0;
        switch (method.ReturnKind)
        {
            case ReturnKind.TaskOfT:
                code.Line($"return InvokeAsync({Request}).AsTask();");
                break;
            case ReturnKind.ValueTaskOfT:
                code.Line($"return InvokeAsync({Request});");
                break;
            case ReturnKind.Task when oneWay:
                code.Line($"InvokeOneWay({Request});").Line("return global::System.Threading.Tasks.Task.CompletedTask;");
                break;
            case ReturnKind.Task:
                code.Line($"return InvokeAsync({Request}).AsTask();");
                break;
            case ReturnKind.ValueTask when oneWay:
                code.Line($"InvokeOneWay({Request});").Line("return default;");
                break;
            default:
                code.Line($"var {Pending} = InvokeAsync({Request});")
                    .Line($"return {Pending}.IsCompletedSuccessfully ? default : new global::System.Threading.Tasks.ValueTask({Pending}.AsTask());");
                break;
        }

        code.Close();
    }
}
