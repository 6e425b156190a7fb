using System.Collections.Immutable;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Model;

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
    }

    /// <summary>The files it was made from, in load order.</summary>
    public ImmutableArray<RuleFile> Files { get; }

    /// <summary>Fields, definitions and regions.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Where each employee and unit field sits in a facts row.</summary>
    public FieldLayout Layout { get; }

    /// <summary>
    /// Circulars in order of precedence: by first day in force, then id. Where several are in force,
    /// the later one decides (see docs/semantics.md).
    /// </summary>
    public ImmutableArray<CheckedCircular> Circulars { get; }
}
