using WorkPolicy.Diagnostics;

namespace WorkPolicy;

/// <summary>
/// Rules compiled to C# ahead of time: the conditions of a rule set as plain code (no expression trees, no reflection),
/// to compile into an app and hand back through <see cref="LoadOptions.Compiled"/> — for Native AOT and trimming, where
/// conditions cannot be compiled at run time, and for starts that skip compiling them. An optimisation: decisions are
/// the same as with rules compiled at load (tests hold the code to the reference interpreter).
/// </summary>
/// <example>
/// <code>
/// var source = RuleCompiler.EmitCSharp(["rules"], "HrApp.Rules").Value!;
/// File.WriteAllText("obj/CompiledRules.g.cs", source);
/// // in the app, built with that file:
/// var engine = PolicyEngine.Load(["rules"], LoadOptions.Strict with { Compiled = new HrApp.Rules.CompiledRules() });
/// </code>
/// </example>
public static class RuleCompiler
{
    /// <summary>The C# of <paramref name="engine"/>'s rules: a class <paramref name="className"/> in <paramref name="namespace"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="namespace"/> or <paramref name="className"/> is not a C# name, or the class name is one of its members' (<c>Identity</c>, <c>Winner</c>, <c>C12</c>…).</exception>
    public static string EmitCSharp(PolicyEngine engine, string @namespace, string className = "CompiledRules")
    {
        ArgumentNullException.ThrowIfNull(engine);
        CheckNames(@namespace, className);
        return Generation.CompiledRulesEmitter.Emit(engine.Rules.Model, @namespace, className);
    }

    /// <summary>
    /// Loads rule files or folders as <see cref="PolicyEngine.Load(IEnumerable{string}, LoadOptions)"/> does (strictly) and
    /// returns their C#; no text when they do not load, with the diagnostics saying why.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="namespace"/> or <paramref name="className"/> is not a C# name, or the class name is one of its members' (<c>Identity</c>, <c>Winner</c>, <c>C12</c>…).</exception>
    public static Loaded<string> EmitCSharp(IEnumerable<string> paths, string @namespace, string className = "CompiledRules")
    {
        ArgumentNullException.ThrowIfNull(paths);
        CheckNames(@namespace, className);
        var loaded = PolicyEngine.Load(paths, LoadOptions.Strict);
        return new(loaded.Value is { } engine ? EmitCSharp(engine, @namespace, className) : null, loaded.Diagnostics);
    }

    private static void CheckNames(string @namespace, string className)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(className);
        if (!Generation.CSharpText.IsNamespace(@namespace))
            throw new ArgumentException($"'{@namespace}' is not a C# namespace name", nameof(@namespace));
        if (!Generation.CSharpText.IsIdentifier(className))
            throw new ArgumentException($"'{className}' is not a C# class name", nameof(className));
        if (Generation.CompiledRulesEmitter.IsMemberName(className))
            throw new ArgumentException($"'{className}' is the name of a member of the class: choose another class name", nameof(className));
    }
}
