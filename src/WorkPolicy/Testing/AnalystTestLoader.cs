using System.Collections.Immutable;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Testing;

/// <summary>
/// Reads analyst test files (<c>*.tests.yaml</c>):
/// <code>
/// rules: [.., ../yaml]          # rule sets, relative to this file (default: the folder above tests/)
/// facts: ../../facts/x.facts.yaml   # or the facts themselves, inline
/// cases:
///   - name: pelaksana rotates
///     employee: e-001
///     on: 2021-07-30
///     expect: { mode: rotation, provisions: [p1-rotation], obligations: [check-in], pool: { group: pegawai, unit: disdik-plp } }
/// </code>
/// </summary>
internal static class AnalystTestLoader
{
    private static readonly string[] RootKeys = ["rules", "facts", "cases"];
    private static readonly string[] CaseKeys = ["name", "employee", "on", "expect"];
    private static readonly string[] ExpectKeys = ["mode", "reason", "circulars", "provisions", "obligations", "pending", "pool", "unknown", "windows"];
    private static readonly string[] PoolKeys = ["group", "unit", "percent", "bound"];

    /// <summary>The test files a path names: itself, or <c>*.tests.yaml</c> in a folder and its <c>tests</c> subfolder.</summary>
    public static IReadOnlyList<string> Expand(string path, List<Diagnostic> diagnostics)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NoSuchPath, SourceSpan.At(path, 1, 1)));
            return [];
        }
        var found = Directory.EnumerateFiles(path, "*.tests.yaml").ToList();
        var sub = System.IO.Path.Combine(path, "tests");
        if (Directory.Exists(sub)) found.AddRange(Directory.EnumerateFiles(sub, "*.tests.yaml"));
        if (found.Count == 0) diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NoAnalystTestFiles, SourceSpan.At(path, 1, 1)));
        return [.. found.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The rule sets of <c>rules:</c>, as full paths: each item a path (a folder or file), or a list of paths loaded
    /// together as one rule set (<c>[.., ../../luwu-utara.wp]</c>: a national folder with a regional circular that
    /// follows it), written joined by <see cref="RuleSetPaths.Separator"/>.
    /// </summary>
    private static ImmutableArray<string> RuleSets(NodeReader r, YamlNode rules, string dir)
    {
        string Full(string p) => System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, p));
        var sets = ImmutableArray.CreateBuilder<string>();
        foreach (var item in r.Seq(rules, "rules"))
        {
            if (item is YamlSequence combined) sets.Add(RuleSetPaths.Join(r.Codes(combined, "a combined rule set").Select(Full)));
            else if (r.Str(item, "rules") is { } single) sets.Add(Full(single));
        }
        return sets.ToImmutable();
    }

    /// <summary>Loads one test file (<paramref name="unsaved"/>: its text as an editor holds it); null (with diagnostics) when it cannot be used.</summary>
    public static AnalystTestFile? Load(string path, List<Diagnostic> diagnostics, string? unsaved = null)
    {
        if ((unsaved ?? SourceText.Read(path, diagnostics)) is not { } text) return null;
        var root = YamlTreeReader.Read(path, text, diagnostics);
        var r = new NodeReader(diagnostics);
        if (root is null || r.Map(root, "a test file", RootKeys, "cases") is not { } m) return null;
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var ruleSets = m.Get("rules") is { } rules
            ? RuleSets(r, rules, dir)
            : [System.IO.Path.GetFileName(dir) == "tests" ? System.IO.Path.GetDirectoryName(dir)! : dir];
        string? factsPath = null;
        YamlNode? inline = null;
        switch (m.Get("facts"))
        {
            case YamlMapping fm: inline = fm; break;
            case { } node when r.Str(node, "facts") is { } fp: factsPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, fp)); break;
            case null: r.Error(DiagnosticMessages.TestFileWithoutFacts, m.Span); break;
        }
        var cases = ImmutableArray.CreateBuilder<AnalystCase>();
        foreach (var c in r.Seq(m.Get("cases"), "cases"))
        {
            // What is wrong with one case belongs to that case: it fails with it, it is not a side note beside an 'ok'.
            var before = diagnostics.Count;
            var cm = r.Map(c, "a case", CaseKeys, "name", "employee", "on", "expect");
            var name = cm is null ? null : r.Str(cm.Get("name"), "name");
            var employee = cm is null ? null : r.Str(cm.Get("employee"), "employee");
            var date = cm is null ? null : r.Date(cm.Get("on"), "on");
            var expect = cm is null ? null : Expect(r, cm.Get("expect"));
            var problems = diagnostics.Skip(before).ToImmutableArray();
            diagnostics.RemoveRange(before, problems.Length);
            cases.Add(new AnalystCase(name ?? $"case at line {c.Span.Line}", employee ?? "", date ?? default, expect ?? Expectation.None, c.Span) { Problems = problems });
        }
        return new AnalystTestFile(path, ruleSets, factsPath, inline, cases.ToImmutable());
    }

    private static Expectation? Expect(NodeReader r, YamlNode? node)
    {
        if (r.Map(node, "expect", ExpectKeys) is not { } m) return null;
        WorkMode? mode = null;
        if (r.Str(m.Get("mode"), "mode") is { } word)
        {
            var all = Enum.GetValues<WorkMode>();
            if (all.FirstOrDefault(x => x.Word() == word) is var found && found.Word() == word) mode = found;
            else
            {
                r.Error(Suggest.Fix(word, all.Select(x => x.Word())), DiagnosticMessages.NotMode, m.Get("mode")!.Span, word);
                return null;
            }
        }
        ImmutableArray<string>? List(string key) => m.Get(key) is { } n ? [.. r.Codes(n, key)] : null;
        string? group = null, unit = null, bound = null;
        decimal? percent = null;
        if (r.Map(m.Get("pool"), "pool", PoolKeys) is { } pm)
        {
            group = r.Str(pm.Get("group"), "group");
            unit = r.Str(pm.Get("unit"), "unit");
            percent = pm.Get("percent") is { } pn ? r.Number(pn, "percent") : null;
            bound = r.Str(pm.Get("bound"), "bound");
            if (bound is not (null or "exactly" or "at-most" or "at-least" or "between")) r.Error(DiagnosticMessages.BoundMustBeExactlyOrAtMost, pm.Get("bound")!.Span);
        }
        NotCoveredReason? reason = null;
        if (r.Str(m.Get("reason"), "reason") is { } reasonWord)
        {
            var reasons = Enum.GetValues<NotCoveredReason>();
            if (reasons.Where(x => x.Word() == reasonWord).Select(x => (NotCoveredReason?)x).FirstOrDefault() is { } found) reason = found;
            else
            {
                r.Error(Suggest.Fix(reasonWord, reasons.Select(x => x.Word())), DiagnosticMessages.NotReason, m.Get("reason")!.Span, reasonWord);
                return null;
            }
        }
        return new Expectation(mode, List("provisions"), List("obligations"), group, unit, List("unknown"), List("windows"))
        {
            Reason = reason,
            Circulars = List("circulars"),
            Pending = List("pending"),
            PoolPercent = percent,
            PoolBound = bound,
        };
    }
}
