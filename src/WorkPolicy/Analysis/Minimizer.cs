using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Analysis;

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
        // Each defaulted fact and each set's code was found irrelevant alone; the description claims them
        // irrelevant together. Checked over every combination it covers; where that does not hold (or is too
        // many to try), the facts with a default and the sets are described as the class has them.
        if (!HoldsForAll(space, sides, cell, day, choice, codes, Same))
        {
            for (var a = 0; a < space.Axes.Length; a++)
            {
                if (cell.Choice[a] < 0 || !(space.Axes[a].Defaulted || space.Dims[space.Axes[a].Dims[0]].SetCode is not null)) continue;
                choice[a] = cell.Choice[a];
                codes.Remove(a);
            }
        }
        return (choice, codes);
    }

    /// <summary>Most combinations <see cref="HoldsForAll"/> tries before it gives up.</summary>
    private const int MaxCombinations = 4096;

    /// <summary>
    /// Whether the decisions are alike for every member of the described class: each defaulted fact left
    /// out at each of its values, each set at each value that keeps its shown codes (facts without a default
    /// left out are unknown, which the walk answers for all their values at once).
    /// </summary>
    private static bool HoldsForAll(FactSpace space, IReadOnlyList<CompiledRules> sides, Cell cell, LocalDate day, int[] choice, Dictionary<int, int[]> codes, Func<ImmutableArray<Decision>, bool> same)
    {
        var loose = new List<(int Axis, int[] Values)>();
        for (var a = 0; a < space.Axes.Length; a++)
        {
            var axis = space.Axes[a];
            if (cell.Choice[a] < 0) continue;
            if (choice[a] < 0 && axis.Defaulted) loose.Add((a, [.. Enumerable.Range(0, axis.Choices.Length)]));
            else if (choice[a] >= 0 && codes.TryGetValue(a, out var shown))
            {
                var mine = axis.Choices[choice[a]];
                var keeps = Enumerable.Range(0, axis.Choices.Length)
                    .Where(v => axis.Dims.Select((k, i) => (k, i)).All(x => !shown.Contains(x.k) || axis.Choices[v][x.i] == mine[x.i])).ToArray();
                if (keeps.Length > 1) loose.Add((a, keeps));
            }
        }
        // One defaulted fact left out alone was tried at each of its values as things finally stand.
        if (loose.Count == 0 || (loose.Count == 1 && choice[loose[0].Axis] < 0)) return true;
        long combinations = 1;
        foreach (var (_, values) in loose)
        {
            combinations *= values.Length;
            if (combinations > MaxCombinations) return false;
        }
        var probe = (int[])choice.Clone();
        for (long n = 0; n < combinations; n++)
        {
            var rest = n;
            foreach (var (a, values) in loose)
            {
                probe[a] = values[rest % values.Length];
                rest /= values.Length;
            }
            if (!same(SpaceWalk.Decide(space, sides, probe, day))) return false;
        }
        return true;
    }

    private static int[] Unchosen(int[] choice, int a)
    {
        var c = (int[])choice.Clone();
        c[a] = -1;
        return c;
    }
}
