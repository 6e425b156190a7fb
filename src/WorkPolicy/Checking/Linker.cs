using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Model;

namespace WorkPolicy.Checking;

/// <summary>What linking made of rule files: their vocabulary always, the model only when nothing was wrong.</summary>
/// <param name="Files">The files, in load order.</param>
/// <param name="Vocabulary">Fields, definitions and regions (for reading facts files, even beside rule errors).</param>
/// <param name="Model">The checked model; null when an error was reported.</param>
/// <param name="Diagnostics">Everything linking found.</param>
internal sealed record Linked(ImmutableArray<RuleFile> Files, Vocabulary Vocabulary, RuleModel? Model, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The circulars declared, checked or not.</summary>
    public int CircularCount => Files.Sum(f => f.Circulars.Length);
}

/// <summary>
/// The checking stage: resolves every name of the syntax (definitions, fields, codes, regions, zones,
/// overrides), types literals and obligation properties, and builds the <see cref="RuleModel"/> the
/// evaluator compiles. Each check is made here once; nothing downstream re-reads the syntax's strings.
/// </summary>
internal sealed partial class Linker
{
    private readonly ImmutableArray<RuleFile> _files;
    private readonly Vocabulary _vocabulary;
    private readonly FieldLayout _layout;
    private readonly List<Diagnostic> _out = [];
    private readonly Dictionary<string, Condition> _defines = new(StringComparer.Ordinal);

    private Linker(ImmutableArray<RuleFile> files)
    {
        _files = files;
        _vocabulary = Vocabulary.Of(files);
        _layout = FieldLayout.Of(_vocabulary);
    }

    /// <summary>Links <paramref name="files"/> into a checked model, or reports why not.</summary>
    public static Linked Link(IEnumerable<RuleFile> files)
    {
        var linker = new Linker([.. files]);
        var circulars = linker.Run();
        var diagnostics = linker._out.ToImmutableArray();
        var model = diagnostics.Any(d => d.Severity == Severity.Error) ? null : new RuleModel(linker._files, linker._vocabulary, linker._layout, circulars);
        return new Linked(linker._files, linker._vocabulary, model, diagnostics);
    }

    private void Report(DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args) => _out.Add(Diagnostic.Create(message, span, args));

    private void Report(DiagnosticFix? fix, DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args) => _out.Add(Diagnostic.Create(fix, message, span, args));

    /// <summary>
    /// The passes, in order; each takes what the ones before it returned, and the only state they share is the
    /// diagnostics they report and the checked definitions (each built once, where first used).
    /// <list type="number">
    /// <item><b>vocabularies</b>: names, definition cycles, regions — everything later passes resolve against.</item>
    /// <item><b>declarations</b>: empty files, circular ids once — so relations can name circulars unambiguously.</item>
    /// <item><b>relations</b>: amends, supersedes, revokes, follows resolved to loaded circulars — before versions,
    /// which need each amendment's base.</item>
    /// <item><b>versions</b>: a circular as issued and as each amendment leaves it — before checking, which checks what stands.</item>
    /// <item><b>circulars</b>: each version checked into the model (conditions, pools, obligations, overrides).</item>
    /// <item><b>precedence</b>: the order of speaking, by first day and <c>follows</c>, with revocations — last, since
    /// it orders the checked versions.</item>
    /// </list>
    /// </summary>
    private ImmutableArray<CheckedCircular> Run()
    {
        CheckVocabularies();
        var decls = Declarations();
        var relations = Relations(decls);
        var circulars = new List<CheckedCircular>();
        foreach (var version in Versions(decls, relations))
        {
            if (Circular(version, 0) is { } checkedCircular) circulars.Add(checkedCircular);
        }
        return Precedence(circulars, relations);
    }

    /// <summary>The circulars declared, each id once (a repeat reported); files that declare nothing reported.</summary>
    private List<CircularDecl> Declarations()
    {
        foreach (var f in _files)
        {
            if (f.Vocabularies.IsEmpty && f.Circulars.IsEmpty)
                Report(DiagnosticMessages.FileDeclaresNothing, SourceSpan.At(f.Path, 1, 1));
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var decls = new List<CircularDecl>();
        foreach (var c in _files.SelectMany(f => f.Circulars))
        {
            if (ids.Add(c.Id)) decls.Add(c);
            else Report(DiagnosticMessages.CircularDeclaredMoreThanOnce, c.Span, c.Id);
        }
        return decls;
    }

    private DateTimeZone? Zone(string zone, SourceSpan span, bool report)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is { } z) return z;
        if (report) Report(DiagnosticMessages.TimeZoneUnknown, span, zone);
        return null;
    }

    /// <summary>
    /// A version of a circular checked into the model. What belongs to the declaration — its regions, zone, period,
    /// provision ids, override cycles — is checked (and reported) with the first version; each provision is checked
    /// once whichever versions share it (<see cref="Provision"/>): a problem is reported once, where it is written.
    /// </summary>
    private CheckedCircular? Circular(Version version, int index)
    {
        var c = version.Decl;
        var before = _out.Count;
        // 'region all': every region the vocabularies declare (the scopes may then test region attributes).
        var regions = c.Regions.Contains(AllRegions) ? [.. _vocabulary.Regions.Keys.Order(StringComparer.Ordinal)] : c.Regions;
        if (version.First) CheckDeclaration(version.Declared, regions);
        // The circular's own zone, else its first region's, else western Indonesia's.
        var zoneId = c.Zone ?? regions.Select(r => _vocabulary.Regions.GetValueOrDefault(r)?.Zone).FirstOrDefault(z => z is not null) ?? "Asia/Jakarta";
        var zone = Zone(zoneId, c.Span, report: version.First);
        var until = c.Period.Until is { } u ? Until(u) : null;

        var ids = new Dictionary<string, ProvisionDecl>(StringComparer.Ordinal);
        foreach (var p in c.Provisions) ids.TryAdd(p.Id, p);
        var deciding = new List<CheckedProvision>();
        var attaching = new List<CheckedProvision>();
        var failed = false;
        foreach (var p in c.Provisions)
        {
            var list = p.Mode is null ? attaching : deciding;
            var (provision, provisionFailed) = Provision(c, p, ids, list.Count, version.Sources.GetValueOrDefault(p) ?? c.Id);
            list.Add(provision);
            failed |= provisionFailed;
        }
        if (zone is null || failed || _out.Skip(before).Any(d => d.Severity == Severity.Error)) return null;
        return new CheckedCircular(c.Id, index, regions.ToFrozenSet(StringComparer.Ordinal), zone, c.Period.From, c.Period.To, until,
            WithOverrides(deciding), [.. attaching], c)
        {
            Start = version.Start,
            Declared = version.Declared,
            AmendedBy = version.AmendedBy,
            ExtendedBy = version.ExtendedBy,
        };
    }

    /// <summary>Each end condition checked once: the versions of a circular share it.</summary>
    private readonly Dictionary<Expr, Condition> _untils = new(ReferenceEqualityComparer.Instance);

    private Condition Until(Expr until) => _untils.TryGetValue(until, out var known) ? known : _untils[until] = Condition(until, employeeContext: false);

    /// <summary>The checks of a circular as declared: its regions, its period, its provision ids and override cycles.</summary>
    private void CheckDeclaration(CircularDecl c, IReadOnlyList<string> regions)
    {
        foreach (var r in regions)
        {
            if (!_vocabulary.Regions.ContainsKey(r))
                Report(Suggest.Fix(r, _vocabulary.Regions.Keys), DiagnosticMessages.CircularRegionUndeclared, c.Span, c.Id, r);
        }
        if (c.Period.To is { } to && to < c.Period.From)
            Report(DiagnosticMessages.PeriodEndsBeforeStarts, c.Period.Span, to, c.Period.From);
        var ids = new Dictionary<string, ProvisionDecl>(StringComparer.Ordinal);
        foreach (var p in c.Provisions)
        {
            if (!ids.TryAdd(p.Id, p)) Report(DiagnosticMessages.ProvisionDeclaredMoreThanOnce, p.Span, p.Id, c.Id);
        }
        CheckOverrideCycles(c, ids);
        foreach (var a in c.Accepts)
        {
            var known = DiagnosticCatalog.All.FirstOrDefault(d => d.Code == a.Code);
            if (known is null)
                Report(Suggest.Fix(a.Code, DiagnosticCatalog.All.Select(d => d.Code)), DiagnosticMessages.NotDiagnosticCode, a.Span, a.Code);
            else if (known.Severity == Severity.Error)
                Report(DiagnosticMessages.ErrorCannotBeAccepted, a.Span, a.Code, known.Title);
            else if (a.Reason.Trim().Length == 0)
                Report(DiagnosticMessages.AcceptNeedsReason, a.Span, a.Code);
        }
    }

    private static readonly ImmutableArray<WorkMode> AnyWorkingMode = [.. WorkModes.ProvisionModes];

    /// <summary>Each provision checked once, by declaration, with whether its check reported an error.</summary>
    private readonly Dictionary<ProvisionDecl, (CheckedProvision Provision, bool Failed)> _provisions = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each provision's unresolved 'overrides' already reported, so a version sharing it does not report it again.</summary>
    private readonly Dictionary<ProvisionDecl, HashSet<string>> _unresolvedOverrides = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A provision of a version: checked once by declaration (the versions that share it share the check), placed at
    /// <paramref name="index"/> and cited from <paramref name="source"/>; its overrides resolved against the version's ids.
    /// </summary>
    private (CheckedProvision Provision, bool Failed) Provision(CircularDecl c, ProvisionDecl p, Dictionary<string, ProvisionDecl> ids, int index, string source)
    {
        if (!_provisions.TryGetValue(p, out var known))
        {
            var before = _out.Count;
            var provision = CheckProvision(p);
            _provisions[p] = known = (provision, _out.Skip(before).Any(d => d.Severity == Severity.Error));
        }
        var failed = known.Failed;
        foreach (var o in p.Overrides)
        {
            if (ids.ContainsKey(o) || !(_unresolvedOverrides.TryGetValue(p, out var reported) ? reported : _unresolvedOverrides[p] = new(StringComparer.Ordinal)).Add(o)) continue;
            Report(Suggest.Fix(o, ids.Keys), DiagnosticMessages.OverridesUndeclared, p.Span, p.Id, o, c.Id);
            failed = true;
        }
        return (known.Provision with { Index = index, Source = source }, failed);
    }

    /// <summary>What a provision's declaration says, checked: scope, quota table, pool, preference, obligations.</summary>
    private CheckedProvision CheckProvision(ProvisionDecl p)
    {
        var scope = p.Scope is { } s ? Condition(s, employeeContext: true) : null;
        var ownScope = scope;
        var rows = ImmutableArray.CreateBuilder<CheckedQuotaRow>();
        foreach (var row in p.Pool?.Table ?? [])
        {
            if (row.Percent < 0 || row.Percent > 100) Report(DiagnosticMessages.QuotaOutsideRange, row.Span, row.Percent);
            rows.Add(new CheckedQuotaRow(Condition(row.When, employeeContext: true), row.Percent, row.AtMost, row));
        }
        if (rows.Count > 0)
        {
            // The provision applies where its scope holds and a row of its table does.
            Condition anyRow = rows.Count == 1 ? rows[0].When : new JunctionCondition(false, [.. rows.Select(r => r.When)], p.Pool!.Span);
            scope = scope is null ? anyRow : new JunctionCondition(true, [scope, anyRow], p.Span);
        }
        if (p.Mode == WorkMode.Rotation && p.Pool is null)
            Report(DiagnosticMessages.RotationWithoutPool, p.Span, p.Id);
        if (p.Mode != WorkMode.Rotation && p.Pool is not null)
            Report(DiagnosticMessages.PoolWithoutRotation, p.Pool.Span, p.Id);
        if (p.Pool is { Rounding: Rounding.Turns } turns && (turns.AtMost || turns.Table.Any(r => r.AtMost)))
            Report(DiagnosticMessages.RoundingTurnsWithAtMost, turns.Span, p.Id);
        if (p.Pool is { Table.IsEmpty: true } pool && (pool.Percent < 0 || pool.Percent > 100))
            Report(DiagnosticMessages.QuotaOutsideRange, pool.Span, pool.Percent);
        // Fixed shift groups deal members by an employee field the vocabulary declares.
        if (p.Pool is { GroupBy: { } groupBy } groupedPool && !_vocabulary.Fields.ContainsKey("employee." + groupBy))
            Report(Suggest.Fix(groupBy, _vocabulary.Fields.Keys.Where(k => k.StartsWith("employee.", StringComparison.Ordinal)).Select(k => k["employee.".Length..])),
                DiagnosticMessages.FieldUndeclared, groupedPool.Span, "employee." + groupBy);
        if (p.Pool is { Table.IsEmpty: true, High: { } top } ranged && top > 100)
            Report(DiagnosticMessages.QuotaOutsideRange, ranged.Span, top);
        if (p.Mode is not null && p.During.Length > 0)
            Report(DiagnosticMessages.DuringOnlyForObligations, p.Span, p.Id);
        var obligations = ImmutableArray.CreateBuilder<CheckedObligation>();
        foreach (var o in p.Obligations) obligations.Add(Obligation(o));
        var cite = p.Cite.Text;
        // Duties of the day's place hold on decisions of that place for certain, and on rotation and optional days pending
        // a roster; the decided modes they can attach to are those.
        ImmutableArray<WorkMode> onPlace = p.OnPlace switch
        {
            RosterPlace.Home => [WorkMode.Home, WorkMode.Rotation, WorkMode.Optional],
            RosterPlace.Office => [WorkMode.Office, WorkMode.Rotation, WorkMode.Optional],
            _ => [],
        };
        var during = p.Mode is null ? (!onPlace.IsEmpty ? onPlace : p.During.IsDefaultOrEmpty ? AnyWorkingMode : p.During) : [];
        var checkedPool = p.Pool is { } pd ? new CheckedPool(pd.Group, pd.Per, pd.Place, pd.Percent, pd.Rounding, pd.AtMost, !pd.Table.IsEmpty, pd.Span) { Decl = pd } : null;
        return new CheckedProvision(p.Id, 0, cite, scope, p.Mode, checkedPool, during, obligations.ToImmutable(), p)
        {
            QuotaRows = rows.ToImmutable(),
            OwnScope = ownScope,
            Prefer = p.Pool?.Prefer is { } prefer ? Condition(prefer, employeeContext: true) : null,
            QuotaBase = p.Pool?.Base is { } quotaBase ? Condition(quotaBase, employeeContext: true) : null,
        };
    }

    /// <summary>The transitive override relation among the deciding provisions, as index lists both ways.</summary>
    private static ImmutableArray<CheckedProvision> WithOverrides(List<CheckedProvision> deciding)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < deciding.Count; i++) index.TryAdd(deciding[i].Id, i);
        var dominated = new bool[deciding.Count][];
        for (var i = 0; i < deciding.Count; i++)
        {
            var result = dominated[i] = new bool[deciding.Count];
            var stack = new Stack<string>(deciding[i].Decl.Overrides);
            while (stack.Count > 0)
            {
                if (!index.TryGetValue(stack.Pop(), out var j) || result[j]) continue;
                result[j] = true;
                foreach (var o in deciding[j].Decl.Overrides) stack.Push(o);
            }
        }
        var range = Enumerable.Range(0, deciding.Count).ToList();
        return [.. deciding.Select((p, i) => p with
        {
            Overrides = [.. range.Where(j => j != i && dominated[i][j])],
            OverriddenBy = [.. range.Where(j => j != i && dominated[j][i])],
        })];
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
                    Report(DiagnosticMessages.OverridesItself, p.Span, p.Id);
                    break;
                }
                if (!seen.Add(id) || !ids.TryGetValue(id, out var next)) continue;
                foreach (var o in next.Overrides) stack.Push(o);
            }
        }
    }
}
