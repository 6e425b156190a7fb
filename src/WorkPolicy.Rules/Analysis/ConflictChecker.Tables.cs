using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Model;

namespace WorkPolicy.Rules.Analysis;

internal static partial class ConflictChecker
{
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
            into.Add(Diagnostic.Create(DiagnosticCatalog.ConflictSearchLimit, model.Pool!.Span, $"could not check the quota table of '{model.Id}': its rows mention too many values"));
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
                into.Add(Diagnostic.Create(DiagnosticCatalog.QuotaRowsOverlap, model.QuotaRows[holding[1]].Decl.Span,
                    $"rows {holding[0] + 1} and {holding[1] + 1} of the quota table of '{model.Id}' both hold, e.g. when {Witness(dims, choice)}"));
            }
            if (holding.Count == 0 && !gap)
            {
                gap = true;
                into.Add(Diagnostic.Create(DiagnosticCatalog.QuotaRowsGap, model.Pool!.Span,
                    $"no row of the quota table of '{model.Id}' holds when {Witness(dims, choice)}; there the provision does not apply"));
            }
        }
    }
}
