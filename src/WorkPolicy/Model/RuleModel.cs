using System.Collections.Frozen;
using System.Collections.Immutable;
using WorkPolicy.Ast;

namespace WorkPolicy.Model;

/// <summary>
/// The checked rule model: what the linker makes of rule files that have no errors, and the only
/// thing the evaluator, the conflict checker and the printers of decisions read. Immutable.
/// </summary>
internal sealed class RuleModel
{
    internal RuleModel(ImmutableArray<RuleFile> files, Vocabulary vocabulary, FieldLayout layout, ImmutableArray<CheckedCircular> circulars)
    {
        Files = files;
        Vocabulary = vocabulary;
        Layout = layout;
        Circulars = circulars;
        Histories = [.. circulars.GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g => new CircularHistory(g.Key, [.. g.OrderBy(v => v.From)]))];
        _historyOf = Histories.ToDictionary(h => h.Id, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);
    }

    private readonly FrozenDictionary<string, CircularHistory> _historyOf;

    /// <summary>The files it was made from, in load order.</summary>
    public ImmutableArray<RuleFile> Files { get; }

    /// <summary>Fields, definitions and regions.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Where each employee and unit field sits in a facts row.</summary>
    public FieldLayout Layout { get; }

    /// <summary>
    /// The versions of the circulars in order of precedence: by first day in force, then id. Where several are in
    /// force, the later one decides (see docs/semantics.md). An amended circular is here once per version (its
    /// <see cref="Histories"/> entry groups them); the walk needs no rule of its own for versions, since their
    /// dates never overlap.
    /// </summary>
    public ImmutableArray<CheckedCircular> Circulars { get; }

    /// <summary>Each circular once, with its versions as stretches of dates, in the order its first version speaks.</summary>
    public ImmutableArray<CircularHistory> Histories { get; }

    /// <summary>The history of the circular <paramref name="id"/>.</summary>
    public CircularHistory HistoryOf(string id) => _historyOf[id];
}
