using System.Reflection;
using System.Runtime.Loader;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WorkPolicy.Tests;

/// <summary>C# that WorkPolicy generates, compiled in memory as an app would compile it.</summary>
internal static class InMemoryCSharp
{
    /// <summary>A compilation of <paramref name="sources"/> against what an app compiles against: the runtime, NodaTime and WorkPolicy (all loaded in this test process).</summary>
    public static CSharpCompilation Compilation(string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("Generated" + Guid.NewGuid().ToString("N"), sources.Select(s => CSharpSyntaxTree.ParseText(s)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
    }

    /// <summary>The assembly of <paramref name="sources"/>, loaded in a collectible context; the test fails on a compile error.</summary>
    public static Assembly Compile(params string[] sources)
    {
        using var image = new MemoryStream();
        var emitted = Compilation(sources).Emit(image);
        emitted.Success.Should().BeTrue(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(image);
    }
}
