using System.Collections.Immutable;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Printing;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Editing;

/// <summary>What a name in a rule file can stand for.</summary>
internal enum SymbolKind
{
    Circular,
    Provision,
    Definition,
    Field,
    Code,
    Region,
}

/// <summary>A declared name: where it is declared and what hover says of it (markdown).</summary>
internal sealed record Symbol(string Name, SymbolKind Kind, SourceSpan Span, string Markdown)
{
    /// <summary>For a provision, its circular.</summary>
    public string? Circular { get; init; }
}

/// <summary>The names a rule set declares — circulars, provisions, definitions, fields, codes, regions — read from its syntax.</summary>
internal sealed class Symbols
{
    private Symbols(ImmutableArray<Symbol> all) => All = all;

    /// <summary>Every symbol, in file order.</summary>
    public ImmutableArray<Symbol> All { get; }

    /// <summary>The symbols of <paramref name="files"/>.</summary>
    public static Symbols Of(IEnumerable<RuleFile> files)
    {
        var all = ImmutableArray.CreateBuilder<Symbol>();
        foreach (var file in files)
        {
            foreach (var v in file.Vocabularies)
            {
                foreach (var f in v.Fields)
                {
                    var codes = f.Codes.IsEmpty ? "" : $" {{ {string.Join(", ", f.Codes)} }}";
                    var fallback = f.Default is { } d ? $"\n\ndefault: `{string.Join(", ", d.Select(l => l.Text))}` when the facts leave it out" : "\n\nunknown when the facts leave it out";
                    all.Add(new Symbol(f.Path, SymbolKind.Field, f.Span, $"**field** `{f.Path}`: {DslPrinter.FieldType(f.Kind)}{codes}{fallback}"));
                    foreach (var code in f.Codes)
                        all.Add(new Symbol(code, SymbolKind.Code, f.Span, $"**code** `{code}` of field `{f.Path}` (declared in {Path.GetFileName(f.Span.Path)}, line {f.Span.Line})"));
                }
                foreach (var d in v.Defines)
                    all.Add(new Symbol(d.Name, SymbolKind.Definition, d.Span, $"**define** `{d.Name}` =\n```\n{ExprPrinter.Print(d.Body)}\n```"));
                foreach (var r in v.Regions)
                    all.Add(new Symbol(r.Id, SymbolKind.Region, r.Span, $"**region** `{r.Id}`: {r.Name} ({r.Zone})"));
            }
            foreach (var c in file.Circulars)
            {
                var period = $"from {Values.Text(c.Period.From)}{(c.Period.To is { } to ? " to " + Values.Text(to) : "")}{(c.Period.Until is { } u ? " until " + ExprPrinter.Print(u) : "")}";
                all.Add(new Symbol(c.Id, SymbolKind.Circular, c.Span,
                    $"**circular** `{c.Id}`: {c.Number}{(c.Title is { } t ? " — " + t : "")}\n\n{c.Issuer}; {string.Join(", ", c.Regions)}; {period}"));
                foreach (var p in c.Provisions)
                {
                    var effect = p.Mode is { } m ? $"decides **{m.Word()}**" : $"adds obligations during {string.Join(", ", p.During.Select(d => d.Word()))}";
                    var point = p.Cite.Point.Length > 0 ? $"point {p.Cite.Point}: " : "";
                    var notes = string.Concat(p.Ambiguities.Select(a => $"\n\n*ambiguity:* {a}"));
                    all.Add(new Symbol(p.Id, SymbolKind.Provision, p.Span,
                        $"**provision** `{c.Id}/{p.Id}` {effect}\n\n{point}\"{p.Cite.Quote}\" — {c.Number}{notes}") { Circular = c.Id });
                }
            }
        }
        return new Symbols(all.ToImmutable());
    }

    /// <summary>
    /// What <paramref name="word"/> names: <c>circular/provision</c>; else a provision (of <paramref name="circular"/>
    /// first), a definition, a field (<c>top-unit.x</c> is the unit's field), a circular, a region, a code.
    /// </summary>
    public Symbol? Find(string word, string? circular)
    {
        if (word.Split('/') is [var c, var p]) return All.FirstOrDefault(s => s.Kind == SymbolKind.Provision && s.Circular == c && s.Name == p);
        var field = word.StartsWith("top-unit.", StringComparison.Ordinal) ? "unit." + word["top-unit.".Length..] : word;
        return All.FirstOrDefault(s => s.Kind == SymbolKind.Provision && s.Name == word && s.Circular == circular)
            ?? All.FirstOrDefault(s => s.Kind == SymbolKind.Provision && s.Name == word)
            ?? All.FirstOrDefault(s => s.Kind == SymbolKind.Definition && s.Name == word)
            ?? All.FirstOrDefault(s => s.Kind == SymbolKind.Field && s.Name == field)
            ?? All.FirstOrDefault(s => s.Kind is SymbolKind.Circular or SymbolKind.Region && s.Name == word)
            ?? All.FirstOrDefault(s => s.Kind == SymbolKind.Code && s.Name == word);
    }
}
