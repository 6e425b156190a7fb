using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;

namespace WorkPolicy.Analysis;

/// <summary>A class of staff in one region on one date, and what each rule set decides for all of them.</summary>
/// <param name="Choice">Per axis of the space: the chosen class, or -1 where the decisions do not depend on it.</param>
/// <param name="Decisions">One decision per rule set, each the same for every employee of the class.</param>
internal sealed record Cell(int[] Choice, ImmutableArray<Decision> Decisions);

/// <summary>
/// Splits a <see cref="FactSpace"/> into classes of staff that every rule set decides alike. It asks the
/// plain evaluator with the facts not yet chosen left unknown: where every decision is determinate it
/// holds for every value of those facts (unknown is not false: the walk is indeterminate whenever an
/// unknown could change the answer), so the class needs no further split; otherwise one of the facts the
/// indeterminate decision names is chosen, class by class. The classes come out as small as the rules allow.
/// </summary>
internal static class SpaceWalk
{
    /// <summary>Most classes examined for one region and date before the walk stops (and says so).</summary>
    public const int MaxCells = 1 << 16;

    /// <summary>The classes of <paramref name="space"/> on <paramref name="date"/>; false in the second item when the walk stopped at <see cref="MaxCells"/>.</summary>
    public static (List<Cell> Cells, bool Complete) Run(FactSpace space, IReadOnlyList<CompiledRules> sides, LocalDate date)
    {
        var cells = new List<Cell>();
        var axes = space.Axes;
        // Defaulted axes are never unknown, so each of their combinations is a start.
        var starts = new List<int[]> { Enumerable.Repeat(-1, axes.Length).ToArray() };
        for (var a = 0; a < axes.Length && axes[a].Defaulted; a++)
        {
            var at = a;
            starts = [.. starts.SelectMany(s => Enumerable.Range(0, axes[at].Choices.Length).Select(v => { var n = (int[])s.Clone(); n[at] = v; return n; }))];
        }
        var pending = new Stack<int[]>(Enumerable.Reverse(starts));
        var examined = 0;
        while (pending.Count > 0)
        {
            if (++examined > MaxCells) return (cells, false);
            var choice = pending.Pop();
            var decisions = Decide(space, sides, choice, date);
            // A class is settled when no side lacks a fact: neither for its mode nor for a pending obligation.
            if (decisions.All(d => d.Unknown.IsEmpty))
            {
                cells.Add(new Cell(choice, decisions));
                continue;
            }
            var split = Next(space, choice, decisions);
            if (split < 0)
            {
                // Nothing left to choose: the rules are indeterminate whatever the facts say (an unknown status series, say).
                cells.Add(new Cell(choice, decisions));
                continue;
            }
            for (var v = axes[split].Choices.Length - 1; v >= 0; v--)
            {
                var next = (int[])choice.Clone();
                next[split] = v;
                pending.Push(next);
            }
        }
        return (cells, true);
    }

    /// <summary>Each rule set's decision for the class <paramref name="choice"/> describes.</summary>
    public static ImmutableArray<Decision> Decide(FactSpace space, IReadOnlyList<CompiledRules> sides, int[] choice, LocalDate date)
    {
        var facts = space.Facts(choice, date);
        var decisions = ImmutableArray.CreateBuilder<Decision>(sides.Count);
        foreach (var rules in sides)
        {
            var index = new FactIndex(facts, rules.Model.Layout);
            decisions.Add(new Evaluator(rules, index).Decide(index.Employees[0], date));
        }
        return decisions.MoveToImmutable();
    }

    /// <summary>The axis to split next: the first unchosen one a decision lacks (for its mode or a pending obligation), else the first unchosen one.</summary>
    private static int Next(FactSpace space, int[] choice, ImmutableArray<Decision> decisions)
    {
        var lacking = decisions.SelectMany(d => d.Unknown).ToHashSet(StringComparer.Ordinal);
        var first = -1;
        for (var a = 0; a < space.Axes.Length; a++)
        {
            if (choice[a] >= 0) continue;
            if (lacking.Contains(space.Axes[a].MissingKey)) return a;
            if (first < 0) first = a;
        }
        return first;
    }
}
