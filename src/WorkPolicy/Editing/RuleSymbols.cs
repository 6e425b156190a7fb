using System.Collections.Immutable;
using WorkPolicy.Parsing;
using WorkPolicy.Printing;
using WorkPolicy.Ast;

namespace WorkPolicy;

/// <summary>What a name in a rule file can stand for.</summary>
public enum RuleSymbolKind
{
    /// <summary>A circular.</summary>
    Circular,
    /// <summary>A provision of a circular.</summary>
    Provision,
    /// <summary>A definition of a vocabulary.</summary>
    Definition,
    /// <summary>A fact field of a vocabulary.</summary>
    Field,
    /// <summary>A code of a field.</summary>
    Code,
    /// <summary>A region.</summary>
    Region,
}

/// <summary>A declared name: where it is declared and what an editor's hover says of it (markdown).</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Kind">What it names.</param>
/// <param name="Span">Where it is declared.</param>
/// <param name="Markdown">What it is, for a hover.</param>
public sealed record RuleSymbol(string Name, RuleSymbolKind Kind, SourceSpan Span, string Markdown)
{
    /// <summary>For a provision, its circular.</summary>
    public string? Circular { get; init; }
}

/// <summary>The names a rule set declares — circulars, provisions, definitions, fields, codes, regions — read from its syntax.</summary>
internal static class RuleSymbols
{
    /// <summary>The symbols of <paramref name="files"/>, in file order.</summary>
    public static ImmutableArray<RuleSymbol> Of(IEnumerable<RuleFile> files)
    {
        var all = ImmutableArray.CreateBuilder<RuleSymbol>();
        foreach (var file in files)
        {
            foreach (var v in file.Vocabularies)
            {
                foreach (var f in v.Fields)
                {
                    var codes = f.Codes.IsEmpty ? "" : $" {{ {string.Join(", ", f.Codes)} }}";
                    var fallback = f.Default is { } d ? $"\n\ndefault: `{string.Join(", ", d.Select(l => l.Text))}` when the facts leave it out" : "\n\nunknown when the facts leave it out";
                    all.Add(new RuleSymbol(f.Path, RuleSymbolKind.Field, f.Span, $"**field** `{f.Path}`: {DslPrinter.FieldType(f.Kind)}{codes}{fallback}"));
                    foreach (var code in f.Codes)
                        all.Add(new RuleSymbol(code, RuleSymbolKind.Code, f.Span, $"**code** `{code}` of field `{f.Path}` (declared in {Path.GetFileName(f.Span.Path)}, line {f.Span.Line})"));
                }
                foreach (var d in v.Defines)
                    all.Add(new RuleSymbol(d.Name, RuleSymbolKind.Definition, d.Span, $"**define** `{d.Name}` =\n```\n{ExprPrinter.Print(d.Body)}\n```"));
                foreach (var r in v.Regions)
                    all.Add(new RuleSymbol(r.Id, RuleSymbolKind.Region, r.Span, $"**region** `{r.Id}`: {r.Name} ({r.Zone})"));
            }
            foreach (var c in file.Circulars)
            {
                var period = $"from {Values.Text(c.Period.From)}{(c.Period.To is { } to ? " to " + Values.Text(to) : "")}{(c.Period.Until is { } u ? " until " + ExprPrinter.Print(u) : "")}";
                all.Add(new RuleSymbol(c.Id, RuleSymbolKind.Circular, c.Span,
                    $"**circular** `{c.Id}`: {c.NumberText}{(c.Title is { } t ? " — " + t : "")}\n\n{c.Issuer}; {string.Join(", ", c.Regions)}; {period}"));
                foreach (var p in c.Provisions)
                {
                    var effect = p.Mode is { } m ? $"decides **{m.Word()}**" : $"adds obligations during {string.Join(", ", p.During.Select(d => d.Word()))}";
                    var notes = (p.Defers is { } d ? $"\n\n*left to the head:* {d}" : "") + string.Concat(p.Ambiguities.Select(a => $"\n\n*ambiguity:* {a}"));
                    all.Add(new RuleSymbol(p.Id, RuleSymbolKind.Provision, p.Span,
                        $"**provision** `{c.Id}/{p.Id}` {effect}\n\n{p.Cite.Text} — {c.NumberText}{notes}") { Circular = c.Id });
                }
            }
        }
        return all.ToImmutable();
    }
}
