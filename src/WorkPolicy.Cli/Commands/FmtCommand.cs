using System.CommandLine;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy fmt PATH... [--check]</c>: rewrite rule files in canonical layout.</summary>
internal static class FmtCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var check = new Option<bool>("--check") { Description = "only report files that are not in canonical layout" };
        var command = new Command("fmt", "Rewrite rule files in canonical layout (--check only reports)") { paths, check };
        command.SetAction(parse => Run(io, parse.GetValue(paths)!, parse.GetValue(check)));
        return command;
    }

    private static int Run(CliIO io, string[] paths, bool checkOnly)
    {
        var diagnostics = new List<Diagnostic>();
        var files = paths.SelectMany(p => RuleLoader.Expand(p, diagnostics)).ToList();
        var unformatted = 0;
        var failed = diagnostics.Count > 0;
        foreach (var file in files)
        {
            if (RuleLoader.EncodingOf(file) is not { } encoding) continue;
            var local = new List<Diagnostic>();
            if (SourceText.Read(file, local) is not { } text)
            {
                diagnostics.AddRange(local);
                failed = true;
                continue;
            }
            var parsed = RuleLoader.Parse(file, text, encoding);
            if (parsed.HasErrors)
            {
                diagnostics.AddRange(parsed.Diagnostics);
                failed = true;
                continue;
            }
            var canonical = Canonical.Print(parsed.File, encoding);
            // Whole-line comments (the reasons analysts give) do not make a file unformatted.
            if (canonical == text || Canonical.WithoutCommentLines(canonical) == Canonical.WithoutCommentLines(text)) continue;
            unformatted++;
            if (checkOnly)
            {
                io.Out.WriteLine($"{file}: not in canonical layout");
                continue;
            }
            if (Canonical.HasComments(text, encoding))
            {
                diagnostics.Add(Canonical.CommentsKept(file));
                failed = true;
                continue;
            }
            if (!Canonical.RoundTrips(file, canonical, encoding))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCodes.BadValue, SourceSpan.At(file, 1, 1), "canonical layout would not read back the same; file left unchanged (please report this)"));
                failed = true;
                continue;
            }
            AtomicFile.Write(file, canonical);
            io.Out.WriteLine($"{file}: formatted");
        }
        Shared.Print(io, diagnostics);
        return failed || (checkOnly && unformatted > 0) ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok;
    }
}
