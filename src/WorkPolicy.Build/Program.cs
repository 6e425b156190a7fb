using WorkPolicy;

// The build step of WorkPolicy.Build.targets: the fact types of the rule files listed (one path a line) in a file,
// written to --out. A client of the library's one door (RuleFiles.EmitFactTypes); diagnostics go to standard error in
// the compiler's form (file(line,col): error WP0304: …), which MSBuild's Exec reports as build errors.
return FactTypesTool.Run(args, Console.Error);

/// <summary>The command line of the build step.</summary>
internal static class FactTypesTool
{
    public static int Run(string[] args, TextWriter errors)
    {
        if (args is not ["--namespace", var ns, "--out", var output, var list])
        {
            errors.WriteLine("usage: WorkPolicy.Build --namespace NAME --out FILE RULES-LIST-FILE");
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
        Loaded<string> emitted;
        try
        {
            emitted = RuleFiles.EmitFactTypes(paths, ns);
        }
        catch (ArgumentException ex)
        {
            errors.WriteLine($"WorkPolicy.Build: error WP0205: {ex.Message.Split(" (Parameter")[0]}: set WorkPolicyFactsNamespace to a C# namespace");
            return 1;
        }
        foreach (var d in emitted.Diagnostics) errors.WriteLine(d);
        if (emitted.Value is not { } source) return 1;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            // Unchanged text keeps the file (an IDE does not reload it); its time moves on so the step counts as done.
            if (!File.Exists(output) || File.ReadAllText(output) != source) RuleFiles.WriteAtomically(output, source);
            else File.SetLastWriteTimeUtc(output, DateTime.UtcNow);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{output}(1,1): error WP0001: cannot write the fact types: {ex.Message}");
            return 1;
        }
    }
}
