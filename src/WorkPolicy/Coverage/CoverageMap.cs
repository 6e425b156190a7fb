using System.Collections.Immutable;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Coverage;

/// <summary>What a coverage item is about.</summary>
internal enum CoverageTarget
{
    /// <summary>A provision: decided, overridden, applied beside the decider, attached, or not reached.</summary>
    Provision,
    /// <summary>An <c>overrides</c> edge as written: taken when both provisions applied.</summary>
    Overrides,
    /// <summary>An obligation with check-in windows: reached when its provision decided or attached.</summary>
    Windows,
    /// <summary>One branch of a circular's <c>until</c>: still in force, or ended by the condition.</summary>
    Until,
}

/// <summary>How far the cases reached an item (flags: one item may be decided in one case, overridden in another).</summary>
[Flags]
internal enum Reach
{
    /// <summary>No case reached it.</summary>
    None = 0,
    /// <summary>It decided a case's mode.</summary>
    Decided = 1,
    /// <summary>It applied and a provision that overrides it applied too.</summary>
    Overridden = 2,
    /// <summary>It applied, no provision overrides it, and an earlier one with the same effect decided.</summary>
    Applied = 4,
    /// <summary>An obligation-only provision that attached to a decision.</summary>
    Attached = 8,
    /// <summary>An edge taken, a windows set reached, an until branch seen.</summary>
    Reached = 16,
}

/// <summary>One line of a coverage report.</summary>
/// <param name="Target">What the line is about.</param>
/// <param name="Circular">The circular it is written in.</param>
/// <param name="Name">The provision, edge (<c>p overrides q</c>), obligation or branch.</param>
/// <param name="Span">Where it is written.</param>
/// <param name="Reach">How far the cases reached it.</param>
internal sealed record CoverageLine(CoverageTarget Target, string Circular, string Name, SourceSpan Span, Reach Reach)
{
    /// <summary>Whether some case reached it.</summary>
    public bool Covered => Reach != Reach.None;

    /// <summary>The reach in words: <c>decided, overridden</c> or <c>not reached</c>.</summary>
    public string State => Reach == Reach.None
        ? "not reached"
        : string.Join(", ", Enum.GetValues<Reach>().Where(r => r != Reach.None && Reach.HasFlag(r)).Select(r => r.ToString().ToLowerInvariant()));
}

/// <summary>
/// The items of one rule set that tests should reach, and how far the observed walks reached them.
/// Items are keyed by the syntax they come from, so the versions of an amended circular that carry
/// the same provision count it once.
/// </summary>
internal sealed class CoverageMap
{
    private readonly Dictionary<Key, int> _index = [];
    private readonly List<(CoverageTarget Target, string Circular, string Name, SourceSpan Span)> _items = [];
    private readonly Reach[] _reach;

    /// <summary>The items of <paramref name="rules"/>, none reached yet.</summary>
    public CoverageMap(CompiledRules rules)
    {
        foreach (var c in rules.Circulars)
        {
            var m = c.Model;
            if (m.Decl.Period.Until is { } until)
            {
                Add(new Key(until, null, true), CoverageTarget.Until, m.Id, "in force, the end condition not yet held", until.Span);
                Add(new Key(until), CoverageTarget.Until, m.Id, "ended by the end condition", until.Span);
            }
            foreach (var p in m.Deciding.Concat(m.Attaching))
            {
                var source = p.Source.Length > 0 ? p.Source : m.Id;
                Add(new Key(p.Decl), CoverageTarget.Provision, source, p.Id, p.Decl.Span);
                foreach (var target in p.Decl.Overrides)
                {
                    // A target an amendment restated is named with it: the edge to each version is an item of its own.
                    if (m.Deciding.FirstOrDefault(q => q.Id == target) is { } q)
                        Add(new Key(p.Decl, q.Decl), CoverageTarget.Overrides, source, $"{p.Id} overrides {(q.Source.Length > 0 && q.Source != source ? q.Source + "/" : "")}{target}", p.Decl.Span);
                }
                foreach (var o in p.Obligations.Where(o => o.HasWindows)) Add(new Key(o.Decl), CoverageTarget.Windows, source, $"{p.Id}: {o.Kind} windows", o.Decl.Span);
            }
        }
        _reach = new Reach[_items.Count];
    }

    private void Add(Key key, CoverageTarget target, string circular, string name, SourceSpan span)
    {
        if (_index.ContainsKey(key)) return;
        _index[key] = _items.Count;
        _items.Add((target, circular, name, span));
    }

    /// <summary>Notes that the item of <paramref name="key"/> was reached as <paramref name="reach"/> says.</summary>
    public void Mark(Key key, Reach reach)
    {
        if (_index.TryGetValue(key, out var i)) _reach[i] |= reach;
    }

    /// <summary>The report, in the order the items are written.</summary>
    public ImmutableArray<CoverageLine> Lines() =>
        [.. _items.Select((it, i) => new CoverageLine(it.Target, it.Circular, it.Name, it.Span, _reach[i]))
            .OrderBy(l => l.Span.Path, StringComparer.Ordinal).ThenBy(l => l.Span.Line).ThenBy(l => l.Span.Column).ThenBy(l => l.Target)];

    /// <summary>The share of items reached, 0 to 100 (100 when there is nothing to reach).</summary>
    public static decimal Percent(IReadOnlyCollection<CoverageLine> lines) =>
        lines.Count == 0 ? 100m : Math.Round(100m * lines.Count(l => l.Covered) / lines.Count, 1);

    /// <summary>An item's key: the syntax it comes from (and, for an edge or a branch, its second part), compared by reference.</summary>
    internal readonly record struct Key(object Syntax, object? Other = null, bool Branch = false)
    {
        public bool Equals(Key other) => ReferenceEquals(Syntax, other.Syntax) && ReferenceEquals(Other, other.Other) && Branch == other.Branch;

        public override int GetHashCode() => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Syntax),
            Other is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Other),
            Branch);
    }
}
