using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Analysis;

internal static partial class ConflictChecker
{
    /// <summary>
    /// A quota base must hold everyone of the pool: a member outside it would take a place the base does not count
    /// (the share would no longer be of the base). An error with an example, like a conflict.
    /// </summary>
    private static void CheckBase(CompiledRules rules, CompiledCircular c, CompiledProvision p, ImmutableArray<Diagnostic>.Builder into)
    {
        var model = p.Model;
        Condition?[] read = [model.Scope, model.QuotaBase];
        var dims = Dimensions(rules.Model, read, within: true);
        if (Combinations(dims) is not { } combinations)
        {
            into.Add(Diagnostic.Create(DiagnosticMessages.QuotaBaseSearchGaveUp, model.Pool!.Span, model.Id));
            return;
        }
        var inBase = rules.Compiler.Compile(model.QuotaBase);
        foreach (var region in Regions(c, read))
        foreach (var choice in combinations)
        {
            var scope = Synthetic(rules.Model, region, dims, choice);
            if (p.Scope(scope) != Tri.True || inBase(scope) == Tri.True) continue;
            into.Add(Diagnostic.Create(DiagnosticMessages.QuotaBaseNarrowerThanPool, model.Pool!.Span, model.Id, Witness(dims, choice)));
            return;
        }
    }

    /// <summary>
    /// A quota table's rows against each other: where the provision's own scope holds, two rows that both
    /// hold are an error (the first would win silently), no row that holds a warning (the provision does
    /// not apply there). Numbers are tried at every whole value between the thresholds the rows name.
    /// </summary>
    private static void CheckTable(CompiledRules rules, CompiledCircular c, CompiledProvision p, ImmutableArray<Diagnostic>.Builder into)
    {
        var model = p.Model;
        var own = rules.Compiler.Compile(model.OwnScope);
        var rows = p.QuotaRows;
        Condition?[] read = [model.OwnScope, .. model.QuotaRows.Select(r => r.When)];
        var dims = Dimensions(rules.Model, read, within: true);
        if (Combinations(dims) is not { } combinations)
        {
            into.Add(Diagnostic.Create(DiagnosticMessages.QuotaTableSearchGaveUp, model.Pool!.Span, model.Id));
            return;
        }
        bool overlap = false, gap = false;
        foreach (var region in Regions(c, read))
        foreach (var choice in combinations)
        {
            if (overlap && gap) return;
            var scope = Synthetic(rules.Model, region, dims, choice);
            if (own(scope) != Tri.True) continue;
            var holding = Enumerable.Range(0, rows.Length).Where(i => rows[i](scope) == Tri.True).ToList();
            if (holding.Count > 1 && !overlap)
            {
                overlap = true;
                into.Add(Diagnostic.Create(DiagnosticMessages.QuotaRowsBothHold, model.QuotaRows[holding[1]].Decl.Span, holding[0] + 1, holding[1] + 1, model.Id, Witness(dims, choice)));
            }
            if (holding.Count == 0 && !gap)
            {
                gap = true;
                into.Add(Diagnostic.Create(DiagnosticMessages.NoQuotaRowHolds, model.Pool!.Span, model.Id, Witness(dims, choice)));
            }
        }
    }
}
