using WorkPolicy.Evaluation;
using WorkPolicy.Model;

namespace WorkPolicy.Analysis;

internal static partial class ConflictChecker
{
    /// <summary>
    /// Whether some employee in one of <paramref name="c"/>'s regions is in the scope of every one of
    /// <paramref name="scopes"/> at once; null when they mention too many values to search.
    /// </summary>
    public static bool? CanApplyTogether(CompiledRules rules, CompiledCircular c, params CompiledProvision[] scopes)
    {
        var witness = Together(rules.Model, c, scopes, out var searched);
        return searched ? witness is not null : null;
    }

    /// <summary>
    /// The search behind conflicts and <see cref="CanApplyTogether"/>: over the values the scopes mention (and
    /// one they do not), in each region unlike the others, the first employee all of them apply to, in words,
    /// or null; <paramref name="searched"/> is false when there were too many combinations to try.
    /// </summary>
    private static string? Together(RuleModel model, CompiledCircular c, IReadOnlyList<CompiledProvision> scopes, out bool searched) =>
        Together(model, Regions(c, scopes.Select(p => p.Model.Scope)), scopes, out searched);

    /// <summary>The same search over the given regions (two circulars' common regions, say).</summary>
    private static string? Together(RuleModel model, IEnumerable<string> regions, IReadOnlyList<CompiledProvision> scopes, out bool searched)
    {
        var conditions = scopes.Select(p => p.Model.Scope).ToList();
        var dims = Dimensions(model, conditions);
        var combinations = Combinations(dims);
        searched = combinations is not null;
        if (combinations is null) return null;
        foreach (var region in regions)
        foreach (var choice in combinations)
        {
            var scope = Synthetic(model, region, dims, choice);
            // The reference interpreter, not the compiled scopes: a search asks each scope a few questions, and compiling
            // every provision of a national rule set's hundreds of circulars cost more than all the searching.
            if (scopes.All(p => ConditionInterpreter.Evaluate(p.Model.Scope, scope) == Tri.True)) return Witness(dims, choice);
        }
        return null;
    }
}
