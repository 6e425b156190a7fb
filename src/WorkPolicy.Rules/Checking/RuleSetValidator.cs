using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Rules.Checking;

/// <summary>Checks a linked rule set: ids, references, codes, types, zones, override and definition cycles.</summary>
internal sealed class RuleSetValidator
{
    private readonly RuleSet _set;
    private readonly List<Diagnostic> _out = [];

    private RuleSetValidator(RuleSet set) => _set = set;

    public static ImmutableArray<Diagnostic> Validate(RuleSet set)
    {
        var v = new RuleSetValidator(set);
        v.Run();
        return [.. v._out];
    }

    private void Error(string code, SourceSpan span, string message) => _out.Add(Diagnostic.Error(code, span, message));

    private void Run()
    {
        CheckVocabularies();
        var circularIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _set.Files.SelectMany(f => f.Circulars))
        {
            if (!circularIds.Add(c.Id)) Error(DiagnosticCodes.DuplicateId, c.Span, $"circular '{c.Id}' is declared more than once");
            CheckCircular(c);
        }
    }

    private void CheckVocabularies()
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var defines = new HashSet<string>(StringComparer.Ordinal);
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in _set.Files.SelectMany(f => f.Vocabularies))
        {
            foreach (var f in v.Fields)
            {
                if (!fields.Add(f.Path)) Error(DiagnosticCodes.DuplicateId, f.Span, $"field '{f.Path}' is declared more than once");
                if (!(f.Path.StartsWith("employee.", StringComparison.Ordinal) || f.Path.StartsWith("unit.", StringComparison.Ordinal) || f.Path.StartsWith("region.", StringComparison.Ordinal)))
                    Error(DiagnosticCodes.UnknownField, f.Span, $"field '{f.Path}' must start with 'employee.', 'unit.' or 'region.'");
                if (f.Default is { } defaults)
                {
                    foreach (var d in defaults) CheckLiteral(f, d, f.Span);
                }
            }
            foreach (var d in v.Defines)
            {
                if (!defines.Add(d.Name)) Error(DiagnosticCodes.DuplicateId, d.Span, $"definition '{d.Name}' is declared more than once");
                CheckExpr(d.Body, employeeContext: true);
            }
            foreach (var r in v.Regions)
            {
                if (!regions.Add(r.Id)) Error(DiagnosticCodes.DuplicateId, r.Span, $"region '{r.Id}' is declared more than once");
                CheckZone(r.Zone, r.Span);
            }
        }
        CheckDefinitionCycles();
    }

    private void CheckZone(string zone, SourceSpan span)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            Error(DiagnosticCodes.UnknownZone, span, $"time zone '{zone}' is not in the time-zone database (e.g. Asia/Jakarta, Asia/Makassar)");
    }

    private void CheckCircular(CircularDecl c)
    {
        foreach (var r in c.Regions)
        {
            if (!_set.Regions.ContainsKey(r))
                Error(DiagnosticCodes.UnknownRegion, c.Span, $"circular '{c.Id}' names region '{r}', which no vocabulary declares{Suggest.DidYouMean(r, _set.Regions.Keys)}");
        }
        if (c.Zone is { } zone) CheckZone(zone, c.Span);
        if (c.Period.To is { } to && to < c.Period.From)
            Error(DiagnosticCodes.BadValue, c.Period.Span, $"period ends {to:yyyy-MM-dd}, before it starts {c.Period.From:yyyy-MM-dd}");
        if (c.Period.Until is { } until) CheckExpr(until, employeeContext: false);

        var ids = new Dictionary<string, ProvisionDecl>(StringComparer.Ordinal);
        foreach (var p in c.Provisions)
        {
            if (!ids.TryAdd(p.Id, p)) Error(DiagnosticCodes.DuplicateId, p.Span, $"provision '{p.Id}' is declared more than once in circular '{c.Id}'");
        }
        foreach (var p in c.Provisions)
        {
            if (p.Scope is { } scope) CheckExpr(scope, employeeContext: true);
            if (p.Mode == WorkMode.Rotation && p.Pool is null)
                Error(DiagnosticCodes.MissingProperty, p.Span, $"provision '{p.Id}' decides rotation but states no pool");
            if (p.Mode != WorkMode.Rotation && p.Pool is not null)
                Error(DiagnosticCodes.BadValue, p.Pool.Span, $"provision '{p.Id}' has a pool but does not decide rotation");
            if (p.Pool is { } pool && (pool.Percent < 0 || pool.Percent > 100))
                Error(DiagnosticCodes.BadValue, pool.Span, $"quota {pool.Percent}% is outside 0..100");
            if (p.Mode is not null && p.During.Length > 0)
                Error(DiagnosticCodes.BadValue, p.Span, $"provision '{p.Id}' decides a mode; 'during' is only for provisions that add obligations");
            foreach (var o in p.Overrides)
            {
                if (!ids.ContainsKey(o))
                    Error(DiagnosticCodes.UnknownReference, p.Span, $"provision '{p.Id}' overrides '{o}', which circular '{c.Id}' does not declare{Suggest.DidYouMean(o, ids.Keys)}");
            }
        }
        CheckOverrideCycles(c, ids);
    }

    private void CheckOverrideCycles(CircularDecl c, Dictionary<string, ProvisionDecl> ids)
    {
        foreach (var p in c.Provisions)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(p.Overrides);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (id == p.Id)
                {
                    Error(DiagnosticCodes.OverrideCycle, p.Span, $"provision '{p.Id}' overrides itself through a chain of overrides");
                    break;
                }
                if (!seen.Add(id) || !ids.TryGetValue(id, out var next)) continue;
                foreach (var o in next.Overrides) stack.Push(o);
            }
        }
    }

    private void CheckDefinitionCycles()
    {
        foreach (var d in _set.Defines.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(ReferencedDefines(d.Body));
            while (stack.Count > 0)
            {
                var name = stack.Pop();
                if (name == d.Name)
                {
                    Error(DiagnosticCodes.DefinitionCycle, d.Span, $"definition '{d.Name}' refers to itself");
                    break;
                }
                if (!seen.Add(name) || !_set.Defines.TryGetValue(name, out var next)) continue;
                foreach (var n in ReferencedDefines(next.Body)) stack.Push(n);
            }
        }
    }

    private static IEnumerable<string> ReferencedDefines(Expr e) =>
        ExprWalk.All(e).OfType<NameExpr>().Where(n => !n.IsFieldPath).Select(n => n.Name);

    private void CheckExpr(Expr root, bool employeeContext)
    {
        foreach (var e in ExprWalk.All(root))
        {
            switch (e)
            {
                case NameExpr { IsFieldPath: false } n:
                    if (!_set.Defines.ContainsKey(n.Name))
                        Error(DiagnosticCodes.UnknownName, n.Span, $"'{n.Name}' is neither a field nor a definition{Suggest.DidYouMean(n.Name, _set.Defines.Keys)}");
                    break;
                case NameExpr n:
                    if (FieldOf(n.Name, n.Span, employeeContext) is { } f && f.Kind != FieldKind.Bool)
                        Error(DiagnosticCodes.TypeMismatch, n.Span, $"'{n.Name}' is not a yes/no field; compare it with a value");
                    break;
                case CompareExpr c:
                    CheckCompare(c, employeeContext);
                    break;
                case IncidentExpr i:
                    if (!employeeContext) Error(DiagnosticCodes.TypeMismatch, i.Span, "an incident test needs an employee's unit; it cannot end a period");
                    if (i.Days < 1) Error(DiagnosticCodes.BadValue, i.Span, "an incident closure lasts at least one day");
                    break;
            }
        }
    }

    private FieldDecl? FieldOf(string path, SourceSpan span, bool employeeContext)
    {
        var lookup = path.StartsWith("top-unit.", StringComparison.Ordinal) ? "unit." + path["top-unit.".Length..] : path;
        if (!employeeContext && !path.StartsWith("region.", StringComparison.Ordinal))
        {
            Error(DiagnosticCodes.UnknownField, span, $"a period's end can test only region status ('region.…'), not '{path}'");
            return null;
        }
        if (_set.Fields.TryGetValue(lookup, out var f)) return f;
        Error(DiagnosticCodes.UnknownField, span, $"field '{path}' is not declared in any vocabulary{Suggest.DidYouMean(lookup, _set.Fields.Keys)}");
        return null;
    }

    private void CheckCompare(CompareExpr c, bool employeeContext)
    {
        if (FieldOf(c.Path, c.Span, employeeContext) is not { } f) return;
        var ok = f.Kind switch
        {
            FieldKind.OneOf => c.Op is CompareOp.Eq or CompareOp.Ne or CompareOp.In or CompareOp.NotIn,
            FieldKind.SetOf => c.Op is CompareOp.Has or CompareOp.HasAny,
            FieldKind.Bool => c.Op is CompareOp.Eq or CompareOp.Ne,
            _ => c.Op is not (CompareOp.Has or CompareOp.HasAny),
        };
        if (!ok)
        {
            Error(DiagnosticCodes.TypeMismatch, c.Span, $"operator '{CompareOps.Word(c.Op)}' does not apply to '{c.Path}' ({KindWord(f.Kind)})");
            return;
        }
        foreach (var lit in c.Values) CheckLiteral(f, lit, c.Span);
    }

    private void CheckLiteral(FieldDecl f, Literal lit, SourceSpan span)
    {
        switch (f.Kind)
        {
            case FieldKind.OneOf or FieldKind.SetOf when lit.Kind != LiteralKind.Code || !f.Codes.Contains(lit.Text):
                Error(DiagnosticCodes.UnknownCode, span, $"'{lit.Text}' is not a code of '{f.Path}'{Suggest.DidYouMean(lit.Text, f.Codes)}");
                break;
            case FieldKind.Bool when lit.Kind != LiteralKind.Bool:
                Error(DiagnosticCodes.TypeMismatch, span, $"'{f.Path}' takes true or false, not '{lit.Text}'");
                break;
            case FieldKind.Number when lit.Kind != LiteralKind.Number || !decimal.TryParse(lit.Text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _):
                Error(DiagnosticCodes.TypeMismatch, span, $"'{f.Path}' takes a number, not '{lit.Text}'");
                break;
        }
    }

    private static string KindWord(FieldKind k) => k switch
    {
        FieldKind.OneOf => "one of a list",
        FieldKind.SetOf => "a set",
        FieldKind.Bool => "yes/no",
        _ => "a number",
    };
}
