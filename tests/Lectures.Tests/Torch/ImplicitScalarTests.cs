using System.Reflection;
using System.Reflection.Emit;
using TorchSharp;

namespace Lectures.Tests.Torch;

/// <summary>
/// Finds, in compiled code, every place that creates a TorchSharp Scalar it does not own: a C# number converted to
/// Scalar implicitly (t * 0.5, t.clamp(a, b), t.pow(3)), or a call to a TorchSharp member that does so inside
/// (t.square() is pow(2); a + b is a.add(b, 1)). Such a Scalar is freed by its finalizer, possibly while native code
/// still reads it (issue 20).
/// </summary>
public class ImplicitScalarTests
{
    [Fact]
    public void LecturesTorchCreatesNoScalarItDoesNotOwn()
    {
        var hidden = TorchSharpMembersWithHiddenScalars();
        // Sanity of the scan: the members the crash and the stress test went through are found.
        Assert.Contains(hidden, m => m.DeclaringType == typeof(torch.Tensor) && m.Name == "square");
        Assert.Contains(hidden, m => m.DeclaringType == typeof(torch.Tensor) && m.Name == "op_Addition"
            && m.GetParameters().All(p => p.ParameterType == typeof(torch.Tensor)));
        var sites = Calls(typeof(Lectures.Torch.Finetuning.Mlp).Assembly)
            .Where(c => IsImplicitScalar(c.Callee) || hidden.Contains(c.Callee))
            .Select(c => $"{c.Caller.DeclaringType?.FullName}.{c.Caller.Name} calls {c.Callee.DeclaringType?.Name}.{c.Callee}")
            .Distinct().Order().ToList();
        Assert.True(sites.Count == 0, $"{sites.Count} implicit Scalars:\n{string.Join("\n", sites)}");
    }

    static bool IsImplicitScalar(MethodBase m) => m.DeclaringType == typeof(Scalar) && m.Name == "op_Implicit";

    /// <summary>TorchSharp members that convert a number to a Scalar (directly or through another such member) and never dispose one.</summary>
    static HashSet<MethodBase> TorchSharpMembersWithHiddenScalars()
    {
        var calls = Calls(typeof(Scalar).Assembly).GroupBy(c => c.Caller).ToDictionary(g => g.Key, g => g.Select(c => c.Callee).ToList());
        bool Creates(MethodBase m) => IsImplicitScalar(m) || (m.DeclaringType == typeof(ScalarExtensionMethods) && m.Name == "ToScalar");
        bool Disposes(MethodBase m) => m.DeclaringType == typeof(Scalar) && m.Name == "Dispose";
        var hidden = calls.Where(kv => kv.Value.Any(Creates) && !kv.Value.Any(Disposes)).Select(kv => kv.Key).ToHashSet();
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (caller, callees) in calls)
                if (!hidden.Contains(caller) && !callees.Any(Disposes) && callees.Any(hidden.Contains))
                    grown = hidden.Add(caller);
        }
        return hidden;
    }

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every (method, called method) pair of call, callvirt and newobj instructions in <paramref name="assembly"/>.</summary>
    static IEnumerable<(MethodBase Caller, MethodBase Callee)> Calls(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null) continue;
            for (var at = 0; at < il.Length;)
            {
                var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
                var op = OpCodesByValue[unchecked((short)value)];
                at += op.Size;
                if (op.OperandType == OperandType.InlineMethod)
                {
                    var callee = Resolve(method, BitConverter.ToInt32(il, at));
                    if (callee is not null) yield return (method, callee);
                }
                at += op.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                    _ => 4,
                };
            }
        }
    }

    static MethodBase? Resolve(MethodBase method, int token)
    {
        try
        {
            return method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or FileNotFoundException or BadImageFormatException)
        {
            return null; // a member of an assembly that is not loaded here cannot be a TorchSharp Scalar member
        }
    }
}
