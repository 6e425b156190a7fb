using System.Collections.Immutable;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Evaluation;

namespace WorkPolicy.Editing;

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

    /// <summary>Loads and links the document's rule set: the diagnostics of the files as written.</summary>
    public static RuleSetView Load(string path, IReadOnlyDictionary<string, string> open, CancellationToken cancel)
    {
        var linked = RuleLoader.LoadRuleSet(RuleSetOf(path), open);
        cancel.ThrowIfCancellationRequested();
        return new RuleSetView(path, linked, Mine(linked.Diagnostics, path));
    }

    /// <summary>
    /// The searches of <c>check</c> over the linked rule set — conflicts, quota rows, gaps — added to the
    /// document's diagnostics; they take longer than linking, so they come second (and stop at the next edit).
    /// </summary>
    public RuleSetView Searched(CancellationToken cancel)
    {
        if (Linked.Model is not { } model) return this;
        var compiled = CompiledRules.Compile(model, interpret: true);
        cancel.ThrowIfCancellationRequested();
        var found = ConflictChecker.Check(compiled, cancel);
        cancel.ThrowIfCancellationRequested();
        var gaps = ConflictChecker.Gaps(compiled, cancel);
        return new RuleSetView(Path, Linked, [.. Diagnostics, .. Mine([.. found, .. gaps], Path).Except(Diagnostics)]);
    }

    private static ImmutableArray<Diagnostic> Mine(IEnumerable<Diagnostic> all, string path) =>
        [.. all.Where(d => d.Span.Path.Length > 0 && System.IO.Path.GetFullPath(d.Span.Path) == path).Distinct()];

    /// <summary>The circular declared in the document around a line (0-based), for resolving provision ids.</summary>
    public string? CircularAt(int line) =>
        Linked.Files.Where(f => System.IO.Path.GetFullPath(f.Path) == Path).SelectMany(f => f.Circulars)
            .LastOrDefault(c => c.Span.Line - 1 <= line)?.Id;
}
