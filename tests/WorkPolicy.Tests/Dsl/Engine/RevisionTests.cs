using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>A revision names the texts that were parsed: the same files anywhere, from disk or memory, name alike; an edit does not.</summary>
public class RevisionTests
{
    [Fact]
    public void The_same_texts_give_the_same_revision_and_an_edit_another()
    {
        var palopo = Repo.Path("samples", "circulars", "palopo.wp");
        var vocabulary = Repo.Path("samples", "circulars", "vocabulary.wp");
        var fromDisk = PolicyEngine.Load(vocabulary, palopo).Value!.Revision;
        fromDisk.Should().MatchRegex("^r-[0-9a-f]{12}$");
        var fromMemory = PolicyEngine.Load([new RuleSource("elsewhere/vocabulary.wp", File.ReadAllText(vocabulary)), new RuleSource("elsewhere/palopo.wp", File.ReadAllText(palopo))]).Value!.Revision;
        fromMemory.Should().Be(fromDisk, "the revision is of names and texts, not of where they lie");
        var edited = PolicyEngine.Load([new RuleSource("elsewhere/vocabulary.wp", File.ReadAllText(vocabulary)), new RuleSource("elsewhere/palopo.wp", File.ReadAllText(palopo).Replace("25%", "30%", StringComparison.Ordinal))]).Value!.Revision;
        edited.Should().NotBe(fromDisk);
    }
}
