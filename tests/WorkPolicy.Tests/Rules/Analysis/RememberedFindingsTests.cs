using FluentAssertions;
using WorkPolicy.Analysis;
using WorkPolicy.Evaluation;
using WorkPolicy.Loading;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// A reload parses only the files that changed and searches only the circulars whose syntax changed (optimisations):
/// what it reports equals a search afresh, before and after an edit that makes a conflict and one that mends it.
/// </summary>
public sealed class RememberedFindingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wp-remembered-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IEnumerable<string> Lines(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.ToString());

    private (string[] Remembered, string[] Afresh) Search()
    {
        var linked = RuleLoader.LoadRuleSet([_folder]);
        linked.Model.Should().NotBeNull(string.Join("\n", linked.Diagnostics));
        var rules = CompiledRules.Compile(linked.Model!);
        return ([.. Lines(ConflictChecker.Check(rules, remembered: true))], [.. Lines(ConflictChecker.Check(rules, remembered: false))]);
    }

    [Fact]
    public void An_edit_that_makes_a_conflict_and_one_that_mends_it_are_reported_as_a_search_afresh_reports_them()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("samples", "circulars"), "*.wp"))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        var (first, afresh) = Search();
        first.Should().Equal(afresh);
        Search().Remembered.Should().Equal(first, "nothing changed");

        // Palopo's critical services lose their exception: they and the rotation both apply, with no stated priority.
        var palopo = Path.Combine(_folder, "palopo.wp");
        var issued = File.ReadAllText(palopo);
        File.WriteAllText(palopo, issued.Replace("    overrides p1-rotation\n", "", StringComparison.Ordinal));
        var (edited, editedAfresh) = Search();
        edited.Should().Equal(editedAfresh);
        edited.Should().Contain(l => l.Contains("WP0305") && l.Contains("p2-critical-service"));

        File.WriteAllText(palopo, issued);
        var (mended, mendedAfresh) = Search();
        mended.Should().Equal(mendedAfresh).And.Equal(first);
    }

    [Fact]
    public void Amended_circulars_and_their_amendments_report_as_a_search_afresh_reports_them()
    {
        // SE 23/2021 and the amendments whose provisions its versions share: searched once per pair, remembered or not.
        foreach (var file in Directory.EnumerateFiles(Repo.Path("samples", "circulars", "national"), "*.wp"))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        File.Copy(Repo.Path("samples", "circulars", "vocabulary.wp"), Path.Combine(_folder, "vocabulary.wp"));
        var (first, afresh) = Search();
        first.Should().Equal(afresh);
        var (again, againAfresh) = Search();
        again.Should().Equal(againAfresh).And.Equal(first);
    }

    [Fact]
    public void A_changed_definition_in_the_vocabulary_searches_every_circular_again()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("samples", "circulars"), "*.wp"))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        Search();
        // Read 'asn' as PNS only: every circular's scopes change meaning, though none of their files changed.
        var vocabulary = Path.Combine(_folder, "vocabulary.wp");
        File.WriteAllText(vocabulary, File.ReadAllText(vocabulary).Replace("define asn = employee.employment in { pns, pppk }", "define asn = employee.employment in { pns }", StringComparison.Ordinal));
        var (remembered, afresh) = Search();
        remembered.Should().Equal(afresh);
    }

    [Fact]
    public void An_editor_typing_in_a_file_keeps_one_parse_of_it_and_the_same_text_parses_once()
    {
        var path = Path.Combine(_folder, "typed.wp");
        ParseResult? last = null;
        for (var i = 0; i < 50; i++) last = RuleLoader.Parse(path, $"# version {i}\n", RuleEncoding.Dsl);
        ParseCache.Holds(path, "# version 0\n").Should().BeFalse("each version replaces the one before");
        ParseCache.Holds(path, "# version 49\n").Should().BeTrue();
        RuleLoader.Parse(path, "# version 49\n", RuleEncoding.Dsl).Should().BeSameAs(last, "the same text is not parsed again");
    }
}
