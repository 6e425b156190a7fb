using WorkPolicy.Model;

namespace WorkPolicy.Evaluation.Memo;

/// <summary>
/// The decision key of one region: the outcomes of every leaf test its circulars' scopes read,
/// two bits each. Scopes are Kleene combinations of their leaves, and the walk reads employee
/// facts only through scopes, so two employees of one region with the same key get the same
/// verdict on the same date: that is why a verdict can be remembered under the key. Field leaves
/// depend on the employee alone (computed once per row); incident leaves, dated personal facts
/// (<c>employee.status.…</c>) and ages (<c>age(employee.birth_date)</c>) on the date too (computed per decision, above the field bits); region status is the same for everyone of the
/// region on a date (and a region attribute always), so it is the day plan's, not the key's.
/// </summary>
internal sealed class DecisionKey
{
    /// <summary>Keys are stored plus one in 64 bits, so they use at most 63.</summary>
    public const int MaxBits = 63;

    private readonly Func<DecisionSubject, ulong> _fields;
    private readonly Func<DecisionSubject, ulong>? _incidents;

    private DecisionKey(Func<DecisionSubject, ulong> fields, Func<DecisionSubject, ulong>? incidents)
    {
        _fields = fields;
        _incidents = incidents;
    }

    /// <summary>Whether a part of the key changes with the date (incidents, dated personal facts).</summary>
    public bool HasIncidents => _incidents is not null;

    /// <summary>
    /// The key of the circulars that name <paramref name="region"/>, or null when their leaves do not
    /// fit 63 bits (those employees are decided in full).
    /// </summary>
    public static DecisionKey? For(CompiledRules rules, string region)
    {
        var circulars = rules.Circulars.Where(c => c.Model.Regions.Contains(region)).Select(c => c.Model).ToList();
        var roots = circulars.SelectMany(c => c.Deciding.Concat(c.Attaching)).Select(p => p.Scope);
        var fields = new List<Condition>();
        var incidents = new List<Condition>();
        // Leaves written alike in two places test the same thing: one key position serves both.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in Conditions.Leaves(roots))
        {
            switch (leaf)
            {
                case TestCondition { Field.Entity: Entity.Region or Entity.RegionAttribute }:
                    continue;
                // A dated personal fact changes with the date, as incidents do: it goes in the part read per date.
                // So does an age: the same birth date is 49 on one date and 50 on the next.
                case TestCondition d when (d.Field.Entity == Entity.EmployeeStatus || d.Age) && seen.Add($"{d.Subject} {d.Op} {string.Join(",", d.Values)}"):
                    incidents.Add(d);
                    break;
                case TestCondition t when seen.Add($"{t.Subject} {t.Op} {string.Join(",", t.Values)}"):
                    fields.Add(t);
                    break;
                // A rank reads the employee and their unit's levels, which do not change with the date.
                case RankCondition r when seen.Add($"rank {r.Field.Path} {r.Count} {r.TopUnit}"):
                    fields.Add(r);
                    break;
                case IncidentCondition i when seen.Add($"incident {i.Kind} {i.Days} {i.StartOffset} {i.WorkingDays} {i.TopUnit}"):
                    incidents.Add(i);
                    break;
            }
        }
        if (2 * (fields.Count + incidents.Count) > MaxBits) return null;
        // One compiled method packs each part, reading the leaves as the scopes do.
        return new DecisionKey(rules.Compiler.CompileKey(fields, 0), incidents.Count > 0 ? rules.Compiler.CompileKey(incidents, 2 * fields.Count) : null);
    }

    /// <summary>The employee's part, for the scope's employee.</summary>
    public ulong OfFields(DecisionSubject s) => _fields(s);

    /// <summary>The whole key: the employee's part with the incident part above it, for the scope's employee and date.</summary>
    public ulong WithIncidents(ulong fields, DecisionSubject s) => _incidents is null ? fields : _incidents(s) | fields;
}
