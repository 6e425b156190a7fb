using System.Collections.Frozen;
using System.Collections.Immutable;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Rules.Ast;

/// <summary>All loaded rule files, linked: one vocabulary, all circulars, validated together.</summary>
public sealed class RuleSet
{
    private RuleSet(ImmutableArray<RuleFile> files)
    {
        Files = files;
        var fields = new Dictionary<string, FieldDecl>(StringComparer.Ordinal);
        var defines = new Dictionary<string, DefineDecl>(StringComparer.Ordinal);
        var regions = new Dictionary<string, RegionDecl>(StringComparer.Ordinal);
        foreach (var v in files.SelectMany(f => f.Vocabularies))
        {
            foreach (var f in v.Fields) fields.TryAdd(f.Path, f);
            foreach (var d in v.Defines) defines.TryAdd(d.Name, d);
            foreach (var r in v.Regions) regions.TryAdd(r.Id, r);
        }
        Fields = fields.ToFrozenDictionary(StringComparer.Ordinal);
        Defines = defines.ToFrozenDictionary(StringComparer.Ordinal);
        Regions = regions.ToFrozenDictionary(StringComparer.Ordinal);
        Circulars = [.. files.SelectMany(f => f.Circulars)
            .DistinctBy(c => c.Id)
            .OrderBy(c => c.Period.From)
            .ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>The files, in load order.</summary>
    public ImmutableArray<RuleFile> Files { get; }

    /// <summary>Declared fact fields by path.</summary>
    public FrozenDictionary<string, FieldDecl> Fields { get; }

    /// <summary>Declared definitions by name.</summary>
    public FrozenDictionary<string, DefineDecl> Defines { get; }

    /// <summary>Declared regions by id.</summary>
    public FrozenDictionary<string, RegionDecl> Regions { get; }

    /// <summary>Circulars ordered by start date then id (later ones win where two decide).</summary>
    public ImmutableArray<CircularDecl> Circulars { get; }

    /// <summary>Links files into a rule set and validates references, types and codes.</summary>
    public static (RuleSet RuleSet, ImmutableArray<Diagnostic> Diagnostics) Link(IEnumerable<RuleFile> files)
    {
        var set = new RuleSet([.. files]);
        return (set, RuleSetValidator.Validate(set));
    }
}
