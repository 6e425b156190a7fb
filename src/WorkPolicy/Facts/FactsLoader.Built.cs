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
        var loader = new FactsLoader(builder.Name, rules, diagnostics, errorRecords: true);
        var span = SourceSpan.At(builder.Name, 1, 1);
        var facts = loader.Read(FactsNodes.Head(builder), unitIds =>
        {
            var employees = builder.EmployeesGiven;
            var mapped = MapBuilt(builder, rules, unitIds, span, loader);
            // In the app's order, as a file's employees: the first of an id is kept, a repeat goes to the node path,
            // which reports it; so does every employee the mapping declined.
            for (var i = 0; i < employees.Count; i++)
            {
                if (mapped[i] is { } employee && loader._employeeIds.Add(employee.Id)) loader.Accept(employee, span, loader._r.Errors);
                else loader.AddEmployee(FactsNodes.Employee(builder, i));
            }
        });
        return new FactsResult(facts, InFileOrder(diagnostics), loader._r.ErrorRecords, loader._r.Unreported);
    }

    /// <summary>Past this many employees the mapping runs on all cores.</summary>
    private const int ParallelFrom = 10_000;

    /// <summary>
    /// Each employee mapped straight from the app's values, or null where the node path is to read it. Employees are
    /// independent of each other, so a large builder's are mapped on all cores, a contiguous slice each on a loader
    /// of its own (its caches of keys, codes and shapes are not shared): what each maps is what one loader would.
    /// </summary>
    private static EmployeeFacts?[] MapBuilt(FactsBuilder builder, Vocabulary? rules, HashSet<string> unitIds, SourceSpan span, FactsLoader loader)
    {
        var employees = builder.EmployeesGiven;
        var mapped = new EmployeeFacts?[employees.Count];
        var slices = employees.Count < ParallelFrom ? 1 : Environment.ProcessorCount;
        void Map(int slice)
        {
            var worker = slice == 0 ? loader : new FactsLoader(builder.Name, rules, []);
            var (from, to) = ((int)((long)employees.Count * slice / slices), (int)((long)employees.Count * (slice + 1) / slices));
            for (var i = from; i < to; i++)
            {
                var (id, unit, fields) = employees[i];
                if (!builder.PersonalGiven.ContainsKey(id)) mapped[i] = worker.TryMapBuilt(id, unit, fields, unitIds, span);
            }
        }
        if (slices == 1)
        {
            Map(0);
            return mapped;
        }
        try
        {
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, Map);
        }
        catch (AggregateException all)
        {
            // What the app's own values threw (a collection that fails as it is enumerated) reaches it as thrown, as
            // it does from one core.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(all.InnerExceptions[0]).Throw();
        }
        return mapped;
    }

    /// <summary>
    /// The employee mapped from the app's values, or null to decline (the node path reads it and reports what is
    /// wrong). Touches only this loader's caches, never its diagnostics or its employees.
    /// </summary>
    private EmployeeFacts? TryMapBuilt(string id, string unit, Dictionary<string, object?> given, HashSet<string> unitIds, SourceSpan span)
    {
        if (_rules is null || !unitIds.Contains(unit) || IsNullWord(id) || IsNullWord(unit)) return null;
        // One table for every employee, made compact below.
        var fields = _scratch;
        fields.Clear();
        foreach (var (key, value) in given)
        {
            if (key is "id" or "unit" or "status") return null;
            if (value is IEnumerable<KeyValuePair<string, object?>> nested)
            {
                // One level given whole: { ["health"] = { ["healthy"] = true } } is health.healthy.
                foreach (var (inner, innerValue) in nested)
                    if (!TryBuilt(Dotted(Dotted(key, "."), inner), innerValue, fields)) return null; // both joins remembered: no string per field
                continue;
            }
            if (!TryBuilt(key, value, fields)) return null;
        }
        return new EmployeeFacts(id, unit, _shapes.Compact(fields), span);
    }

    /// <summary>One field as <see cref="Value"/> reads it from a node, or false to decline (the node path reports it).</summary>
    private bool TryBuilt(string dotted, object? value, Dictionary<string, FactValue> fields)
    {
        if (value is null || fields.ContainsKey(dotted) || BuiltKey(dotted) is not { Field: { } field } key) return false;
        FactValue? fact = field.Kind switch
        {
            FieldKind.OneOf => value is string code ? key.Code(code, this) : null,
            FieldKind.Bool => value is bool b ? (b ? Yes : No) : null,
            FieldKind.Number => value switch
            {
                int i => new NumberFact(i),
                long l => new NumberFact(l),
                decimal m => new NumberFact(m),
                // Past what a decimal holds (about 7.9e28) the node path reports it: a cast would throw.
                double d when double.IsFinite(d) && Math.Abs(d) <= 7.9e28 => new NumberFact((decimal)d),
                // A number given as text reads as the node path reads it.
                string t when !IsNullWord(t) && decimal.TryParse(t, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) => new NumberFact(n),
                _ => null,
            },
            FieldKind.SetOf => value is IEnumerable items and not string ? BuiltSet(items, key) : null,
            // A date as the app holds it; text reads as the node path reads it (yyyy-mm-dd).
            FieldKind.Date => value switch
            {
                NodaTime.LocalDate d => new DateFact(d),
                DateOnly d => new DateFact(new NodaTime.LocalDate(d.Year, d.Month, d.Day)),
                string t when Parsing.Values.TryDate(t, out var parsed) => new DateFact(parsed),
                _ => null,
            },
            _ => null,
        };
        if (fact is null) return false;
        fields[dotted] = fact;
        return true;
    }

    // The keys an app's records use, each with its declared field and the codes met so far: a few dozen a run, looked
    // up once per record field instead of the field's declaration and code list each time.
    private readonly Dictionary<string, BuiltFieldKey> _builtKeys = new(StringComparer.Ordinal);

    private BuiltFieldKey? BuiltKey(string dotted)
    {
        if (_builtKeys.TryGetValue(dotted, out var known)) return known;
        var made = new BuiltFieldKey(Field("employee", dotted));
        if (_builtKeys.Count < MaxRemembered) _builtKeys[dotted] = made;
        return made;
    }

    /// <summary>A key of the app's employee records: its declared field, and that field's codes met so far.</summary>
    private sealed class BuiltFieldKey(FieldDecl? field)
    {
        private readonly Dictionary<string, CodeFact?> _codes = new(StringComparer.Ordinal);

        public FieldDecl? Field { get; } = field;

        /// <summary>The shared fact of a code of this field, or null (declined) when it is not one of its codes.</summary>
        public CodeFact? Code(string code, FactsLoader loader)
        {
            if (_codes.TryGetValue(code, out var known)) return known;
            var fact = !IsNullWord(code) && Field!.Codes.Contains(code) ? loader.Code(code) : null;
            if (_codes.Count < MaxRemembered) _codes[code] = fact;
            return fact;
        }
    }

    private CodeSetFact? BuiltSet(IEnumerable items, BuiltFieldKey key)
    {
        List<string>? codes = null;
        foreach (var item in items)
        {
            if (item is not string code || key.Code(code, this) is not { } known) return null;
            (codes ??= []).Add(known.Code);
        }
        return CodeSet(codes ?? []);
    }
}
