using System.Collections;
using System.Globalization;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Model;
using WorkPolicy.Yaml;

namespace WorkPolicy.Facts;

internal sealed partial class FactsLoader
{
    /// <summary>
    /// Facts an app built in code (<see cref="FactsBuilder"/>): the head (calendar, regions, units, incidents) read from
    /// its nodes (<see cref="FactsNodes.Head"/>), each employee mapped straight from the app's values when it is the
    /// common case (known keys, valid codes, a known unit, no dated series), else from its nodes, which report what is
    /// wrong by record and field — so an employee maps and reports the same either way.
    /// </summary>
    public static FactsResult Load(FactsBuilder builder, Vocabulary? rules)
    {
        var diagnostics = new List<Diagnostic>();
        var loader = new FactsLoader(builder.Name, rules, diagnostics);
        var span = SourceSpan.At(builder.Name, 1, 1);
        var facts = loader.Read(FactsNodes.Head(builder), unitIds =>
        {
            var employees = builder.EmployeesGiven;
            for (var i = 0; i < employees.Count; i++)
            {
                var (id, unit, fields) = employees[i];
                if (builder.PersonalGiven.ContainsKey(id) || !loader.TryAddBuiltEmployee(id, unit, fields, unitIds, span))
                    loader.AddEmployee(FactsNodes.Employee(builder, i));
            }
        });
        return new FactsResult(facts, loader.Reported(diagnostics));
    }

    private bool TryAddBuiltEmployee(string id, string unit, Dictionary<string, object?> given, HashSet<string> unitIds, SourceSpan span)
    {
        if (_rules is null || _employeeIds.Contains(id) || !unitIds.Contains(unit) || IsNullWord(id) || IsNullWord(unit)) return false;
        var fields = new Dictionary<string, FactValue>(given.Count + 4, StringComparer.Ordinal);
        foreach (var (key, value) in given)
        {
            if (key is "id" or "unit" or "status") return false;
            if (value is IEnumerable<KeyValuePair<string, object?>> nested)
            {
                // One level given whole: { ["health"] = { ["healthy"] = true } } is health.healthy.
                foreach (var (inner, innerValue) in nested)
                    if (!TryBuilt(Dotted(key + ".", inner), innerValue, fields)) return false;
                continue;
            }
            if (!TryBuilt(key, value, fields)) return false;
        }
        _employeeIds.Add(id);
        Accept(new EmployeeFacts(id, unit, fields, span), span, _r.Errors);
        return true;
    }

    /// <summary>One field as <see cref="Value"/> reads it from a node, or false to decline (the node path reports it).</summary>
    private bool TryBuilt(string dotted, object? value, Dictionary<string, FactValue> fields)
    {
        if (value is null || fields.ContainsKey(dotted) || Field("employee", dotted) is not { } field) return false;
        FactValue? fact = field.Kind switch
        {
            FieldKind.OneOf => value is string code && !IsNullWord(code) && field.Codes.Contains(code) ? Code(code) : null,
            FieldKind.Bool => value is bool b ? (b ? Yes : No) : null,
            FieldKind.Number => value switch
            {
                int i => new NumberFact(i),
                long l => new NumberFact(l),
                decimal m => new NumberFact(m),
                double d when double.IsFinite(d) => new NumberFact((decimal)d),
                _ => null,
            },
            FieldKind.SetOf => value is IEnumerable items and not string ? BuiltSet(items, field) : null,
            _ => null,
        };
        if (fact is null) return false;
        fields[dotted] = fact;
        return true;
    }

    private CodeSetFact? BuiltSet(IEnumerable items, FieldDecl field)
    {
        List<string>? codes = null;
        foreach (var item in items)
        {
            if (item is not string code || IsNullWord(code) || !field.Codes.Contains(code)) return null;
            (codes ??= []).Add(code);
        }
        return CodeSet(codes ?? []);
    }
}
