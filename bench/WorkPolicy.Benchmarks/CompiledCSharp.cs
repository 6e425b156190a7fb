using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WorkPolicy.Compiled;
using WorkPolicy.Evaluation;
using WorkPolicy.Model;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// Rules compiled to C# for a benchmark: the text <see cref="RuleCompiler"/> writes, compiled with Roslyn (optimised)
/// as an app's build compiles it, and loaded; the rules then run that code as an app's would.
/// </summary>
internal static class CompiledCSharp
{
    public static CompiledRules Compile(RuleModel model)
    {
        var source = Generation.CompiledRulesEmitter.Emit(model, "Bench.Rules", "CompiledRules");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("BenchRules", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success) throw new InvalidOperationException(string.Join('\n', emitted.Diagnostics));
        image.Position = 0;
        var type = AssemblyLoadContext.Default.LoadFromStream(image).GetType("Bench.Rules.CompiledRules")!;
        return CompiledRules.Compile(model, precompiled: (CompiledRuleSet)Activator.CreateInstance(type)!);
    }
}
