using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Model;

namespace WorkPolicy.Rules.Checking;

internal static partial class ConflictChecker
{
    /// <summary>
    /// Whether some employee in one of <paramref name="c"/>'s regions is in the scope of every one of
    /// <paramref name="scopes"/> at once, searched like conflicts (exhaustively over the values the scopes
    /// mention); null when they mention too many values to search.
    /// </summary>
    public static bool? CanApplyTogether(CompiledRules rules, CompiledCircular c, params CompiledProvision[] scopes)
    {
        var conditions = scopes.Select(p => p.Model.Scope).ToList();
        var dims = Dimensions(rules.Model, conditions);
        if (Combinations(dims) is not { } combinations) return null;
        foreach (var region in Regions(c, conditions))
        foreach (var choice in combinations)
        {
            var scope = Synthetic(rules.Model, region, dims, choice);
            if (scopes.All(p => p.Scope(scope) == Tri.True)) return true;
        }
        return false;
    }
}
