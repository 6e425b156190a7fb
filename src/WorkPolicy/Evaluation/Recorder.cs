using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;

namespace WorkPolicy.Evaluation;

/// <summary>
/// The observer that turns one walk into a <see cref="Decision"/>: it notes the deciding and the
/// attaching provisions, asks the conditions that mattered for the paths of the facts they lack,
/// and, given a list, writes the trace of <c>explain</c>. It decides nothing itself.
/// </summary>
internal sealed class Recorder(List<TraceEntry>? trace, Model.RuleModel model) : IWalkObserver
{
    // Obligation-only provisions that attach, in the walk's order; a pending one carries the facts it lacks.
    private readonly List<(CompiledCircular Circular, CompiledProvision Provision, string[]? Lacks)> _attached = [];
    private readonly List<string> _unknown = [];
    private (CompiledCircular Circular, CompiledProvision Provision)? _decided;

    public bool Tracing => trace is not null;

    /// <inheritdoc/>
    public bool Obligations => true;

    public void UnitMissing(DecisionSubject s)
    {
        var unit = s.Employee!.Facts.Unit;
        _unknown.Add($"units[{unit}]");
        trace?.Add(new TraceEntry("", null, "unknown", $"unit '{unit}' is not in the facts"));
    }

    public void InForce(CompiledCircular c, DayContext day, Tri status)
    {
        var m = c.Model;
        // An amended circular has a version per stretch of dates: tell of the one that stands, or of the first.
        if (status == Tri.False && OtherVersionSpeaks(c, day, model)) return;
        // The reason was decided with the status (DayContext.For); here it is only told.
        var line = day.Timelines[m.Index];
        trace!.Add(day.Reasons[m.Index] switch
        {
            InForceReason.NotInRegion => new TraceEntry(m.Id, null, "not in force", $"region '{day.Region}' is not among {string.Join(", ", m.Decl.Regions)}"),
            InForceReason.Revoked => new TraceEntry(m.Id, null, "not in force", $"revoked by '{m.RevokedBy}' from {Text(m.RevokedFrom!.Value)}"),
            InForceReason.OutsideDates => new TraceEntry(m.Id, null, "not in force", $"{Text(day.Date)} is outside {(m.AmendedBy.IsEmpty ? "its period" : "this version's dates")} {Text(m.From)} to {(m.To is { } t ? Text(t) : "open")}"),
            InForceReason.InForce => new TraceEntry(m.Id, null, "in force", $"region '{day.Region}', {Period(m)}{AsAmended(m)}"),
            InForceReason.EndHeld => new TraceEntry(m.Id, null, "not in force", $"its end condition held on {Text(line!.EndsOn!.Value)}"),
            InForceReason.EndUnknown => new TraceEntry(m.Id, null, "unknown", $"whether its end condition was reached depends on {string.Join(", ", line!.Missing)}"),
            _ => new TraceEntry(m.Id, null, "in force", $"region '{day.Region}', its end condition has not held since {Text(m.Start)}{AsAmended(m)}"),
        });
    }

    /// <summary>
    /// Both ends of the period, from the circular's first day as issued (an amended version names its own first day
    /// apart): <c>period from 2021-07-08 to 2021-07-20</c>, <c>… until its end condition</c>, <c>… with no end stated</c>.
    /// </summary>
    private static string Period(Model.CheckedCircular m) =>
        $"period from {Text(m.Start)} {(m.To is { } to ? "to " + Text(to) : m.Until is not null ? "until its end condition" : "with no end stated")}"
        + (m.From != m.Start ? $"; this version from {Text(m.From)}" : "");

    private static string AsAmended(Model.CheckedCircular m) =>
        (m.AmendedBy.IsEmpty ? "" : $"; as amended by {string.Join(", ", m.AmendedBy)}")
        + (m.ExtendedBy is { } by ? $"; extended by {by} {(m.To is { } to ? "until " + Text(to) : m.Until is not null ? "until its end condition" : "until further notice")}" : "");

    /// <summary>
    /// Whether another version of an amended circular is the one to tell of: the version whose dates hold the day, or,
    /// where none does, the circular as issued. (One not-in-force line per circular, not one per version.)
    /// </summary>
    private static bool OtherVersionSpeaks(CompiledCircular c, DayContext day, Model.RuleModel model)
    {
        var history = model.HistoryOf(c.Model.Id);
        if (!history.Amended) return false;
        var told = history.VersionOn(day.Date) ?? history.AsIssued;
        return !ReferenceEquals(told, c.Model);
    }

    public void NotWorkingDay(DayContext day) =>
        trace?.Add(new TraceEntry("", null, "day-off", $"{Text(day.Date)} ({day.Date.DayOfWeek}) is not a working day in the calendar"));

    public void UnknownInForce(CompiledCircular c, DayContext day, DecisionSubject s)
    {
        if (day.Timelines[c.Model.Index] is { } line) _unknown.AddRange(line.Missing);
        trace?.Add(new TraceEntry(c.Model.Id, null, "unknown", "whether it is in force matters here and depends on missing facts"));
    }

    public void UnknownScope(CompiledCircular c, CompiledProvision p, DecisionSubject s)
    {
        var before = _unknown.Count;
        Missing(p, s);
        var mode = p.Model.Mode is { } m ? $"would decide {m.Word()}" : "its obligations would apply";
        trace?.Add(new TraceEntry(p.Model.Source, p.Model.Id, "unknown", $"{mode} if it applied; depends on {string.Join(", ", _unknown.Skip(before).Distinct())}"));
    }

    public void Considered(CompiledCircular c, ReadOnlySpan<Tri> results, int winner)
    {
        var ps = c.Deciding;
        for (var i = 0; i < ps.Length; i++)
        {
            var p = ps[i].Model;
            var mode = p.Mode!.Value.Word();
            if (i == winner)
            {
                trace!.Add(new TraceEntry(p.Source, p.Id, "applied", $"decides {mode} ({p.Cite})"
                    + (p.Decl.Defers is { } defers ? $"; the circular leaves the arrangement to the head: {defers}" : "")));
            }
            else if (results[i] == Tri.True)
            {
                var by = new List<string>();
                foreach (var j in p.OverriddenBy)
                {
                    if (results[j] == Tri.True) by.Add(ps[j].Model.Id);
                }
                trace!.Add(by.Count > 0
                    ? new TraceEntry(p.Source, p.Id, "overridden", $"would decide {mode}; overridden by {string.Join(", ", by)}, which is stated as its exception")
                    : new TraceEntry(p.Source, p.Id, "conflict", $"also applies with no stated priority (decides {mode}); 'check' reports this"));
            }
            else if (results[i] == Tri.False)
            {
                trace!.Add(new TraceEntry(p.Source, p.Id, "not applicable", "its scope does not hold for this employee"));
            }
        }
    }

    public void NoProvisionFits(CompiledCircular c) =>
        trace?.Add(new TraceEntry(c.Model.Id, null, "no provision fits", "in force, but none of its provisions decides for this employee; an older circular in force is asked"));

    public void Decided(CompiledCircular c, CompiledProvision p, DecisionSubject s)
    {
        _decided = (c, p);
        trace?.Add(new TraceEntry(c.Model.Id, null, "decides", $"the newest circular in force whose provisions decide: '{p.Model.Id}' applies"));
    }

    public void NotAsked(CompiledCircular c, CompiledCircular decider) =>
        trace!.Add(new TraceEntry(c.Model.Id, null, "not asked", $"in force, but the newer circular '{decider.Model.Id}' decides the mode; only its obligations can still apply"));

    public void Attaches(CompiledCircular c, CompiledProvision p, WorkMode mode, Tri scope, bool scopeHeld, DecisionSubject s)
    {
        var m = p.Model;
        switch (scope)
        {
            case Tri.True:
                _attached.Add((c, p, null));
                break;
            case Tri.Unknown:
                var before = _unknown.Count;
                Missing(p, s);
                // A duty of the day's place on a rotation or optional day waits for the roster's place, not for a fact.
                if (m.AwaitsRoster(mode)) _unknown.Add("roster");
                _attached.Add((c, p, [.. _unknown.Skip(before)]));
                _unknown.RemoveRange(before, _unknown.Count - before);
                trace?.Add(new TraceEntry(m.Source, m.Id, "pending", "whether its obligations apply depends on missing facts; the mode stands"));
                break;
            default:
                if (!m.AttachesTo(mode))
                    trace?.Add(new TraceEntry(m.Source, m.Id, "not applicable", $"adds obligations only while {string.Join(" or ", m.During.Select(d => d.Word()))}"));
                else
                    trace?.Add(new TraceEntry(m.Source, m.Id, "no", "scope does not hold"));
                break;
        }
    }

    /// <summary>Runs <paramref name="p"/>'s scope again, recording the facts it lacks.</summary>
    private void Missing(CompiledProvision p, DecisionSubject s)
    {
        s.Missing = _unknown;
        p.Scope(s);
        s.Missing = null;
    }

    /// <summary>The decision the walk answered with <paramref name="verdict"/>.</summary>
    public Decision Decision(Verdict verdict, DayContext day, DecisionSubject s)
    {
        var employee = s.Employee!.Facts;
        var circulars = InForceIds(day);
        if (verdict.Mode == WorkMode.Indeterminate)
            return DecisionAssembly.Assemble(employee.Id, day.Date, verdict, new DecisionDetails(circulars, [], []), null, [.. _unknown.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        if (_decided is not { } decided) return DecisionAssembly.Assemble(employee.Id, day.Date, verdict, new DecisionDetails(circulars, [], []), null, []);

        var provisions = ImmutableArray.CreateBuilder<ProvisionRef>();
        var obligations = ImmutableArray.CreateBuilder<ObligationResult>();
        provisions.Add(Ref(decided.Circular, decided.Provision));
        DueObligations.Add(decided.Circular, decided.Provision, day.Date, obligations);
        // The facts an in-force question lacked (UnknownInForce) and each pending provision's own: what would settle them.
        var lacking = new List<string>(_unknown);
        var anyPending = false;
        foreach (var (c, p, lacks) in _attached)
        {
            var pending = lacks is not null;
            if (DueObligations.Add(c, p, day.Date, obligations, pending) > 0)
            {
                provisions.Add(Ref(c, p));
                if (pending)
                {
                    anyPending = true;
                    lacking.AddRange(lacks!);
                }
                trace?.Add(new TraceEntry(p.Model.Source, p.Model.Id, pending ? "pending" : "adds", $"obligations while {verdict.Mode.Word()}{(pending ? ", if the facts it lacks hold" : "")}"));
            }
            else trace?.Add(new TraceEntry(p.Model.Source, p.Model.Id, "not applicable", $"its obligations are not due on a {day.Date.DayOfWeek}"));
        }
        ImmutableArray<string> unknown = anyPending ? [.. lacking.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : [];
        return DecisionAssembly.Assemble(employee.Id, day.Date, verdict, new DecisionDetails(circulars, provisions.ToImmutable(), obligations.ToImmutable()), PoolShare.Of(decided.Provision, s), unknown);
    }

    /// <summary>The circulars known to be in force, each followed by the amendments its standing version includes.</summary>
    private static ImmutableArray<string> InForceIds(DayContext day)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < day.InForce.Length; i++)
        {
            if (day.InForce[i] != Tri.True) continue;
            var m = day.Circulars[i].Model;
            ids.Add(m.Id);
            // The amendments its standing version includes are in force too: their provisions decide under its id.
            foreach (var amendment in m.AmendedBy) if (!ids.Contains(amendment)) ids.Add(amendment);
        }
        return ids.ToImmutable();
    }

    private static ProvisionRef Ref(CompiledCircular c, CompiledProvision p) => new(p.Model.Id, p.Model.Source, p.Model.Cite);

    private static string Text(LocalDate d) => d.ToString("yyyy-MM-dd", null);
}
