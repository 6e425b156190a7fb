using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Evaluation;

namespace WorkPolicy.Rules.Analysis;

/// <summary>Shrinks the description of a class of staff to the facts its decisions depend on.</summary>
internal static class Minimizer
{
    /// <summary>
    /// The cell's choice with every fact left out that the decisions do not depend on: left unknown,
    /// every decision stays determinate and alike; a defaulted fact, whatever its value. Of a set field, only the
    /// codes whose presence changes a decision are kept (second item: per set axis, those codes' dimensions).
    /// </summary>
    public static (int[] Choice, Dictionary<int, int[]> Codes) Smallest(FactSpace space, IReadOnlyList<CompiledRules> sides, Cell cell, LocalDate day, Func<Decision, Decision, bool> alike)
    {
        var choice = (int[])cell.Choice.Clone();
        bool Same(ImmutableArray<Decision> ds) => ds.Zip(cell.Decisions).All(p => alike(p.First, p.Second));
        for (var a = space.Axes.Length - 1; a >= 0; a--)
        {
            if (choice[a] < 0) continue;
            var kept = choice[a];
            var irrelevant = space.Axes[a].Defaulted
                ? Enumerable.Range(0, space.Axes[a].Choices.Length).All(v => { choice[a] = v; return Same(SpaceWalk.Decide(space, sides, choice, day)); })
                : Same(SpaceWalk.Decide(space, sides, Unchosen(choice, a), day));
            choice[a] = irrelevant ? -1 : kept;
        }
        var codes = new Dictionary<int, int[]>();
        for (var a = 0; a < space.Axes.Length; a++)
        {
            var axis = space.Axes[a];
            if (choice[a] < 0 || space.Dims[axis.Dims[0]].SetCode is null) continue;
            var kept = choice[a];
            var mine = axis.Choices[kept];
            // A code matters when flipping it alone changes a decision.
            codes[a] = [.. axis.Dims.Where((k, i) =>
            {
                var flipped = mine.SetItem(i, 1 - mine[i]);
                choice[a] = axis.Choices.IndexOf(flipped, 0, axis.Choices.Length, EqualityComparer<ImmutableArray<int>>.Create((x, y) => x.SequenceEqual(y)));
                var same = Same(SpaceWalk.Decide(space, sides, choice, day));
                choice[a] = kept;
                return !same;
            })];
            if (codes[a].Length == 0) choice[a] = -1;
        }
        return (choice, codes);
    }

    private static int[] Unchosen(int[] choice, int a)
    {
        var c = (int[])choice.Clone();
        c[a] = -1;
        return c;
    }
}
