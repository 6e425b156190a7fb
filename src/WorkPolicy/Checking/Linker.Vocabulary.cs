using System.Collections.Frozen;
using System.Globalization;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Facts;

namespace WorkPolicy.Checking;

internal sealed partial class Linker
{
    private readonly Dictionary<string, FactValue?> _defaults = new(StringComparer.Ordinal);

    /// <summary>Region attributes by name: the typed value of each region that states it.</summary>
    private readonly Dictionary<string, FrozenDictionary<string, FactValue>> _attributes = new(StringComparer.Ordinal);

    /// <summary>The word a circular names for every declared region.</summary>
    internal const string AllRegions = "all";

    private void CheckVocabularies()
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var defines = new HashSet<string>(StringComparer.Ordinal);
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in _files.SelectMany(f => f.Vocabularies))
        {
            foreach (var f in v.Fields)
            {
                if (!fields.Add(f.Path)) Report(DiagnosticMessages.FieldDeclaredMoreThanOnce, f.Span, f.Path);
                if (!(f.Path.StartsWith("employee.", StringComparison.Ordinal) || f.Path.StartsWith("unit.", StringComparison.Ordinal) || f.Path.StartsWith("region.", StringComparison.Ordinal)))
                    Report(DiagnosticMessages.FieldMustNameEntity, f.Span, f.Path);
                if (f.Default is { } defaults) _defaults.TryAdd(f.Path, Default(f, defaults));
                if (!f.Rank.IsEmpty)
                {
                    if (f.Kind != FieldKind.OneOf || !f.Path.StartsWith("employee.", StringComparison.Ordinal) || Model.PersonalSeries.IsPersonal(f.Path))
                        Report(DiagnosticMessages.RankOnlyOneOf, f.Span, f.Path, KindWord(f.Kind));
                    foreach (var level in f.Rank.Where(l => !f.Codes.Contains(l)))
                        Report(Suggest.Fix(level, f.Codes), DiagnosticMessages.RankNotCodes, f.Span, level, f.Path);
                    if (f.Rank.Distinct().Count() != f.Rank.Length || f.Rank.Length > 64) Report(DiagnosticMessages.RankRepeatsOrTooLong, f.Span, f.Path);
                }
            }
            foreach (var d in v.Defines)
            {
                if (!defines.Add(d.Name)) Report(DiagnosticMessages.DefinitionDeclaredMoreThanOnce, d.Span, d.Name);
            }
            foreach (var r in v.Regions)
            {
                if (!regions.Add(r.Id)) Report(DiagnosticMessages.RegionDeclaredMoreThanOnce, r.Span, r.Id);
                if (r.Id == AllRegions) Report(DiagnosticMessages.EveryRegionIsReserved, r.Span, AllRegions);
                Zone(r.Zone, r.Span, report: true);
            }
        }
        RegionAttributes();
        var cyclic = CheckDefinitionCycles();
        foreach (var d in _vocabulary.Defines.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (!cyclic.Contains(d.Name)) Define(d.Name, d.Span);
        }
    }

    /// <summary>Types every region attribute against its field <c>region.NAME</c>, which a vocabulary must declare.</summary>
    private void RegionAttributes()
    {
        var values = new Dictionary<string, Dictionary<string, FactValue>>(StringComparer.Ordinal);
        foreach (var r in _vocabulary.Regions.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            foreach (var a in r.Attributes)
            {
                if (!_vocabulary.Fields.TryGetValue("region." + a.Name, out var field) || a.Name.Contains('.'))
                {
                    Report(Suggest.Fix("region." + a.Name, _vocabulary.Fields.Keys), DiagnosticMessages.RegionAttributeUndeclared, a.Span, a.Name);
                    continue;
                }
                if (!values.TryGetValue(a.Name, out var byRegion)) values[a.Name] = byRegion = new Dictionary<string, FactValue>(StringComparer.Ordinal);
                if (byRegion.ContainsKey(r.Id)) Report(DiagnosticMessages.RegionStatesTwice, a.Span, r.Id, a.Name);
                else if (Typed(field, a.Value, a.Span) is { } v) byRegion[r.Id] = v;
            }
        }
        foreach (var (name, byRegion) in values) _attributes[name] = byRegion.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The typed default of a field: a set of codes for a set field, one value otherwise.</summary>
    private FactValue? Default(FieldDecl f, System.Collections.Immutable.ImmutableArray<Literal> literals)
    {
        var typed = literals.Select(l => Typed(f, l, f.Span)).ToList();
        if (typed.Any(t => t is null)) return null;
        if (f.Kind == FieldKind.SetOf) return new CodeSetFact([.. typed.Cast<CodeFact>().Select(c => c.Code).Distinct().Order(StringComparer.Ordinal)]);
        if (typed.Count != 1)
        {
            Report(DiagnosticMessages.FieldTakesOneDefault, f.Span, f.Path, typed.Count);
            return null;
        }
        return typed[0];
    }

    /// <summary>
    /// A literal as a value of field <paramref name="f"/>: the one place literals are parsed and typed.
    /// Codes become the model's numbered instances.
    /// </summary>
    private FactValue? Typed(FieldDecl f, Literal lit, SourceSpan span)
    {
        switch (f.Kind)
        {
            case FieldKind.OneOf or FieldKind.SetOf:
                if (lit.Kind == LiteralKind.Code && f.Codes.Contains(lit.Text)) return _layout.Code(lit.Text);
                Report(Suggest.Fix(lit.Text, f.Codes), DiagnosticMessages.NotCodeOfField, span, lit.Text, f.Path);
                return null;
            case FieldKind.Bool:
                if (lit.Kind == LiteralKind.Bool) return new BoolFact(lit.Text == "true");
                Report(DiagnosticMessages.TakesTrueOrFalse, span, f.Path, lit.Text);
                return null;
            case FieldKind.Date:
                if (lit.Kind == LiteralKind.Date && Parsing.Values.TryDate(lit.Text, out var date)) return new DateFact(date);
                Report(DiagnosticMessages.TakesDate, span, f.Path, lit.Text);
                return null;
            default:
                if (lit.Kind == LiteralKind.Number && decimal.TryParse(lit.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return new NumberFact(n);
                Report(DiagnosticMessages.TakesNumber, span, f.Path, lit.Text);
                return null;
        }
    }

    /// <summary>Reports definitions that refer to themselves; returns their names so they are not built.</summary>
    private HashSet<string> CheckDefinitionCycles()
    {
        var cyclic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in _vocabulary.Defines.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(ReferencedDefines(d.Body));
            while (stack.Count > 0)
            {
                var name = stack.Pop();
                if (name == d.Name)
                {
                    Report(DiagnosticMessages.DefinitionRefersItself, d.Span, d.Name);
                    cyclic.Add(d.Name);
                    break;
                }
                if (!seen.Add(name) || !_vocabulary.Defines.TryGetValue(name, out var next)) continue;
                foreach (var n in ReferencedDefines(next.Body)) stack.Push(n);
            }
        }
        // A definition that uses a cyclic one cannot be built either (its error is the cycle's).
        foreach (var d in _vocabulary.Defines.Values)
        {
            if (Reaches(d.Name, cyclic)) cyclic.Add(d.Name);
        }
        return cyclic;
    }

    private bool Reaches(string name, HashSet<string> cyclic)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([name]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (cyclic.Contains(n)) return true;
            if (!seen.Add(n) || !_vocabulary.Defines.TryGetValue(n, out var d)) continue;
            foreach (var r in ReferencedDefines(d.Body)) stack.Push(r);
        }
        return false;
    }

    private static IEnumerable<string> ReferencedDefines(Expr e) =>
        ExprWalk.All(e).OfType<NameExpr>().Where(n => !n.IsFieldPath).Select(n => n.Name);
}
