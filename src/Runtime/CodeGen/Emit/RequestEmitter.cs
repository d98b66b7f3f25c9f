using System.Globalization;
using System.Linq;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the request class of one grain method: argument fields, identity, scheduling options, the call on the
/// target, and argument copying and serialization. Which arguments need a deep copy is decided here, at build time.
/// </summary>
internal static class RequestEmitter
{
    private const string Invocation = "global::TgeSwarm.Runtime.Invocation";

    public static void Emit(CodeWriter code, MethodModel method, string className)
    {
        var args = method.Parameters.Where(p => !p.IsCancellationToken).ToList();
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"TgeSwarm.Runtime.CodeGen\", \"1.0\")]");
        code.Open($"internal sealed class {className} : {Invocation}.GrainRequest<{method.ResultType}>");
        for (var i = 0; i < args.Count; i++)
        {
            code.Line($"internal {args[i].Type} Arg{i} = default!;");
        }

        code.Line()
            .Line($"public override uint MethodId => 0x{method.MethodId.ToString("X8", CultureInfo.InvariantCulture)}u;").Line()
            .Line($"public override string InterfaceName => {Names.Literal(method.InterfaceName)};").Line()
            .Line($"public override string MethodName => {Names.Literal(method.Name)};").Line()
            .Line($"public override int ArgumentCount => {args.Count};").Line();
        if (method.Options != 0)
        {
            var flags = new[] { (1, "OneWay"), (2, "AlwaysInterleave"), (4, "ReadOnly") }
                .Where(f => (method.Options & f.Item1) != 0).Select(f => $"{Invocation}.InvokeOptions.{f.Item2}");
            code.Line($"public override {Invocation}.InvokeOptions Options => {string.Join(" | ", flags)};").Line();
        }

        if (method.TimeoutTicks >= 0)
        {
            code.Line($"public override global::System.TimeSpan? ResponseTimeout => global::System.TimeSpan.FromTicks({method.TimeoutTicks}L);").Line();
        }

        if (method.Parameters.Any(p => p.IsCancellationToken))
        {
            code.Line("public override global::System.Threading.CancellationToken CancellationToken { get; set; }").Line();
        }

        if (method.ResultIsShallow)
        {
            code.Line("protected override bool ResultIsImmutable => true;").Line();
        }

        code.Line("public override object? GetArgument(int index) => index switch").Line("{");
        for (var i = 0; i < args.Count; i++)
        {
            code.Line($"    {i} => Arg{i},");
        }

        code.Line("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),").Line("};").Line();
        EmitInvoke(code, method);
        RequestArgumentsEmitter.Emit(code, method, args);
        code.Close();
    }

    private static void EmitInvoke(CodeWriter code, MethodModel method)
    {
        var index = 0;
        var callArgs = string.Join(", ", method.Parameters.Select(p => p.IsCancellationToken ? "CancellationToken" : $"Arg{index++}"));
        var call = $"(({method.DeclaringType})target).{method.Name}({callArgs})";
        var body = method.ReturnKind switch
        {
            ReturnKind.TaskOfT => $"new global::System.Threading.Tasks.ValueTask<{method.ResultType}>({call})",
            ReturnKind.ValueTaskOfT => call,
            _ => $"AsVoid({call})",
        };
        code.Line($"protected override global::System.Threading.Tasks.ValueTask<{method.ResultType}> InvokeMethodAsync(object target) =>")
            .Line($"    {body};").Line();
    }
}
