using WorkPolicy;

// The build step of WorkPolicy.Build.targets: the fact types of the rule files listed (one path a line) in a file,
// written to --out, and with --rules-out their conditions compiled to C#. A client of the library's one door
// (RuleFiles.EmitFactTypes, RuleCompiler.EmitCSharp); diagnostics go to standard error in the compiler's form
// (file(line,col): error WP0304: …), which MSBuild's Exec reports as build errors.
return BuildTool.Run(args, Console.Error);

/// <summary>The command line of the build step.</summary>
internal static class BuildTool
{
    private const string Usage = "usage: WorkPolicy.Build --namespace NAME --out FILE [--rules-namespace NAME --rules-out FILE] RULES-LIST-FILE";

    public static int Run(string[] args, TextWriter errors)
    {
        if (Options(args) is not var (ns, output, rulesNs, rulesOutput, list))
        {
            errors.WriteLine(Usage);
            return 2;
        }
        List<string> paths;
        try
        {
            paths = [.. File.ReadAllLines(list).Where(l => l.Trim().Length > 0)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{list}(1,1): error WP0001: cannot read the list of rule files: {ex.Message}");
            return 1;
        }
        var status = Emit(() => RuleFiles.EmitFactTypes(paths, ns), output, "WorkPolicyFactsNamespace", errors);
        if (status != 0 || rulesOutput is null) return status;
        return Emit(() => RuleCompiler.EmitCSharp(paths, rulesNs!), rulesOutput, "WorkPolicyRulesNamespace", errors);
    }

    /// <summary>The options, or null when they are not as <see cref="Usage"/> says.</summary>
    private static (string Namespace, string Output, string? RulesNamespace, string? RulesOutput, string List)? Options(string[] args) => args switch
    {
        ["--namespace", var ns, "--out", var output, var list] => (ns, output, null, null, list),
        ["--namespace", var ns, "--out", var output, "--rules-namespace", var rulesNs, "--rules-out", var rulesOutput, var list] => (ns, output, rulesNs, rulesOutput, list),
        _ => null,
    };

    private static int Emit(Func<Loaded<string>> emit, string output, string property, TextWriter errors)
    {
        Loaded<string> emitted;
        try
        {
            emitted = emit();
        }
        catch (ArgumentException ex)
        {
            errors.WriteLine($"WorkPolicy.Build: error WP0205: {ex.Message.Split(" (Parameter")[0]}: set {property} to a C# namespace");
            return 1;
        }
        foreach (var d in emitted.Diagnostics) errors.WriteLine(d);
        if (emitted.Value is not { } source) return 1;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            // Unchanged text keeps the file (an IDE does not reload it); its time moves on so the step counts as done.
            if (File.Exists(output) && File.ReadAllText(output) == source)
            {
                File.SetLastWriteTimeUtc(output, DateTime.UtcNow);
                return 0;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not kept as it was: written below, which says what stops it.
        }
        var unwritten = RuleFiles.Write(output, w => w.Write(source));
        foreach (var d in unwritten) errors.WriteLine(d);
        return unwritten.Count == 0 ? 0 : 1;
    }
}
