using System.Collections.Immutable;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Evaluation;

namespace WorkPolicy.Cli.Lsp;

/// <summary>
/// A rule document in its context, as <c>check</c> loads it: every rule file of its folder (open ones as
/// the editor holds them), the nearest vocabulary, linked and checked for conflicts and gaps.
/// </summary>
internal sealed class RuleSetView
{
    private RuleSetView(string path, Linked linked, ImmutableArray<Diagnostic> diagnostics)
    {
        Path = path;
        Linked = linked;
        Diagnostics = diagnostics;
        Symbols = Symbols.Of(linked.Files);
    }

    /// <summary>The document's full path.</summary>
    public string Path { get; }

    /// <summary>The linked rule set.</summary>
    public Linked Linked { get; }

    /// <summary>The diagnostics of the document itself.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The names the rule set declares.</summary>
    public Symbols Symbols { get; }

    /// <summary>The paths of the rule set the document belongs to: the rule files of its folder, and itself.</summary>
    public static List<string> RuleSetOf(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        var files = Directory.Exists(folder) ? RuleLoader.Expand(folder, []).Select(System.IO.Path.GetFullPath).ToList() : [];
        if (!files.Contains(path)) files.Add(path);
        return files;
    }

    /// <summary>Loads and checks the document's rule set; the token stops it between stages (the next edit).</summary>
    public static RuleSetView Load(string path, IReadOnlyDictionary<string, string> open, CancellationToken cancel)
    {
        var linked = RuleLoader.LoadRuleSet(RuleSetOf(path), open);
        cancel.ThrowIfCancellationRequested();
        var all = linked.Diagnostics.ToList();
        if (linked.Model is { } model)
        {
            var compiled = CompiledRules.Compile(model, interpret: true);
            cancel.ThrowIfCancellationRequested();
            all.AddRange(ConflictChecker.Check(compiled));
            all.AddRange(ConflictChecker.Gaps(compiled));
        }
        var mine = all.Where(d => d.Span.Path.Length > 0 && System.IO.Path.GetFullPath(d.Span.Path) == path).Distinct().ToImmutableArray();
        return new RuleSetView(path, linked, mine);
    }

    /// <summary>The circular declared in the document around a line (0-based), for resolving provision ids.</summary>
    public string? CircularAt(int line) =>
        Linked.Files.Where(f => System.IO.Path.GetFullPath(f.Path) == Path).SelectMany(f => f.Circulars)
            .LastOrDefault(c => c.Span.Line - 1 <= line)?.Id;
}
