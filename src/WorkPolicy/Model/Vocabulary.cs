using System.Collections.Frozen;
using WorkPolicy.Ast;

namespace WorkPolicy.Model;

/// <summary>
/// What the rule files declare about the world: fields with their types and codes, definitions and
/// regions. Merged from every vocabulary block of the loaded files (the first declaration of a name
/// counts; duplicates are reported by the linker). Facts files are read against it.
/// </summary>
internal sealed class Vocabulary
{
    private Vocabulary(FrozenDictionary<string, FieldDecl> fields, FrozenDictionary<string, DefineDecl> defines, FrozenDictionary<string, RegionDecl> regions)
    {
        Fields = fields;
        Defines = defines;
        Regions = regions;
    }

    /// <summary>Declared fact fields by path (<c>employee.position</c>, <c>unit.kind</c>, <c>region.ppkm.level</c>).</summary>
    public FrozenDictionary<string, FieldDecl> Fields { get; }

    /// <summary>Declared definitions by name.</summary>
    public FrozenDictionary<string, DefineDecl> Defines { get; }

    /// <summary>Declared regions by id.</summary>
    public FrozenDictionary<string, RegionDecl> Regions { get; }

    /// <summary>The vocabulary of <paramref name="files"/>.</summary>
    public static Vocabulary Of(IEnumerable<RuleFile> files)
    {
        var fields = new Dictionary<string, FieldDecl>(StringComparer.Ordinal);
        var defines = new Dictionary<string, DefineDecl>(StringComparer.Ordinal);
        var regions = new Dictionary<string, RegionDecl>(StringComparer.Ordinal);
        foreach (var v in files.SelectMany(f => f.Vocabularies))
        {
            foreach (var f in v.Fields) fields.TryAdd(f.Path, f);
            foreach (var d in v.Defines) defines.TryAdd(d.Name, d);
            foreach (var r in v.Regions) regions.TryAdd(r.Id, r);
        }
        return new Vocabulary(
            fields.ToFrozenDictionary(StringComparer.Ordinal),
            defines.ToFrozenDictionary(StringComparer.Ordinal),
            regions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The declaration behind a path as written in a condition: <c>top-unit.x</c> reads the unit field
    /// <c>unit.x</c> of the perangkat daerah. The one place that rewrite is made.
    /// </summary>
    public FieldDecl? FieldOf(string path) =>
        Fields.GetValueOrDefault(path.StartsWith(TopUnitPrefix, StringComparison.Ordinal) ? "unit." + path[TopUnitPrefix.Length..] : path);

    private const string TopUnitPrefix = "top-unit.";
}
