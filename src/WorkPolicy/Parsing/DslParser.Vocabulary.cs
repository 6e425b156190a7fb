using System.Collections.Immutable;
using Sprache;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using static WorkPolicy.Parsing.Lexical;

namespace WorkPolicy.Parsing;

internal static partial class DslParser
{
    private sealed partial class FileParser
    {
        private static readonly string[] VocabularyKeywords = ["field", "define", "region"];

        private static readonly Parser<Located<Literal>> LiteralTok =
            Tok(NumberRaw.Select(n => new Literal(LiteralKind.Number, n))
                .Or(IdentRaw.Select(w => w is "true" or "false" ? new Literal(LiteralKind.Bool, w) : Literal.Code(w))));

        private static readonly Parser<IEnumerable<Located<string>>> CodeBlock =
            from open in Symbol("{")
            from codes in Name.XDelimitedBy(Symbol(",")).XOptional()
            from close in Symbol("}")
            select codes.GetOrElse([]);

        private VocabularyDecl? ParseVocabulary(SourceSpan start)
        {
            if (!_c.Run(Name, "a vocabulary id", out var id)) return null;
            var fields = ImmutableArray.CreateBuilder<FieldDecl>();
            var defines = ImmutableArray.CreateBuilder<DefineDecl>();
            var regions = ImmutableArray.CreateBuilder<RegionDecl>();
            var closed = Block($"vocabulary '{id.Value}'", start, VocabularyKeywords, kw =>
            {
                var kwSpan = _c.SpanOf(kw);
                switch (kw.Value)
                {
                    case "field": if (ParseField(kwSpan) is { } f) fields.Add(f); break;
                    case "define":
                        if (_c.Run(Name, "a definition name", out var name) && ExpectSymbol("=") && ParseExpr() is { } body)
                            defines.Add(new DefineDecl(name.Value, body, _c.SpanFrom(kwSpan)));
                        break;
                    default:
                        if (_c.Run(Name, "a region id", out var rid) && ExpectWord("name") && _c.Run(Text, "the region's name", out var rname)
                            && ExpectWord("zone") && _c.Run(Tok(ZoneRaw), "a time zone", out var zone))
                        {
                            var attributes = ImmutableArray.CreateBuilder<RegionAttributeDecl>();
                            // 'with java-bali true, island jawa': values the region always has.
                            if (_c.TryWord("with"))
                            {
                                do
                                {
                                    if (!_c.Run(Name, "an attribute name", out var an) || !_c.Run(LiteralTok, "the attribute's value", out var av)) break;
                                    attributes.Add(new RegionAttributeDecl(an.Value, av.Value, _c.SpanOf(an)));
                                }
                                while (_c.TrySymbol(","));
                            }
                            regions.Add(new RegionDecl(rid.Value, rname.Value, zone.Value, _c.SpanFrom(kwSpan)) { Attributes = attributes.ToImmutable() });
                        }
                        break;
                }
            });
            return closed ? new VocabularyDecl(id.Value, fields.ToImmutable(), defines.ToImmutable(), regions.ToImmutable(), _c.SpanFrom(start)) : null;
        }

        private bool ExpectSymbol(string s)
        {
            if (_c.TrySymbol(s)) return true;
            _c.FailExpecting($"'{s}'");
            return false;
        }

        private bool ExpectWord(string w)
        {
            if (_c.TryWord(w)) return true;
            _c.FailExpecting($"'{w}'");
            return false;
        }

        private FieldDecl? ParseField(SourceSpan start)
        {
            if (!_c.Run(Tok(PathRaw), "a field path such as employee.position", out var path) || !ExpectSymbol(":")) return null;
            if (!_c.Run(Name, "a type (one-of, set-of, bool, number, date)", out var type)) return null;
            FieldKind kind;
            var codes = ImmutableArray<string>.Empty;
            switch (type.Value)
            {
                case "one-of" or "set-of":
                    kind = type.Value == "one-of" ? FieldKind.OneOf : FieldKind.SetOf;
                    if (!_c.Run(CodeBlock, "a list of codes '{ a, b }'", out var cs)) return null;
                    codes = [.. cs.Select(c => c.Value)];
                    break;
                case "bool": kind = FieldKind.Bool; break;
                case "number": kind = FieldKind.Number; break;
                case "date": kind = FieldKind.Date; break;
                default:
                    _c.Error(Suggest.Fix(type.Value, ["one-of", "set-of", "bool", "number", "date"]), DiagnosticMessages.NotFieldType, _c.SpanOf(type), type.Value);
                    _c.FailHereSilently();
                    return null;
            }
            ImmutableArray<Literal>? defaults = null;
            if (_c.TryWord("default"))
            {
                if (kind == FieldKind.SetOf)
                {
                    if (!_c.Run(CodeBlock, "a list of codes '{ a, b }'", out var ds)) return null;
                    defaults = [.. ds.Select(d => Literal.Code(d.Value))];
                }
                else
                {
                    if (!_c.Run(LiteralTok, "a default value", out var d)) return null;
                    defaults = [d.Value];
                }
            }
            ImmutableArray<string> rank = [];
            if (_c.TryWord("rank"))
            {
                if (!_c.Run(CodeBlock, "the ranked codes, highest first '{ I, II, III }'", out var ranked)) return null;
                rank = [.. ranked.Select(r => r.Value)];
            }
            return new FieldDecl(path.Value, kind, codes, defaults, _c.SpanFrom(start)) { Rank = rank };
        }
    }
}
