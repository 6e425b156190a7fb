namespace WorkPolicy.Testing;

/// <summary>
/// A rule set of a test file as one string: a path, or several loaded together joined by <see cref="Separator"/>
/// (a regional circular beside the national folder it follows). One string keeps a rule set one key of the runner.
/// </summary>
internal static class RuleSetPaths
{
    /// <summary>Between the paths of a combined rule set, as printed: <c>.. + ../../luwu-utara.wp</c>.</summary>
    public const string Separator = " + ";

    /// <summary>The paths joined.</summary>
    public static string Join(IEnumerable<string> paths) => string.Join(Separator, paths);

    /// <summary>The paths of a rule set.</summary>
    public static IReadOnlyList<string> Split(string ruleSet) => ruleSet.Split(Separator);

    /// <summary>The rule set relative to <paramref name="folder"/>, each path in turn.</summary>
    public static string Label(string folder, string ruleSet) => Join(Split(ruleSet).Select(p => Path.GetRelativePath(folder, p)));
}
