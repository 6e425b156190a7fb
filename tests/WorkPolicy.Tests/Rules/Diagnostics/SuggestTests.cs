using CsCheck;
using FluentAssertions;
using WorkPolicy.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Did-you-mean skips candidates whose length alone puts them too far (an optimisation): it names the same candidate as
/// measuring every one, on generated names and lists.
/// </summary>
public class SuggestTests
{
    [Fact]
    public void Skipping_by_length_names_the_candidate_measuring_all_would()
    {
        var name = Gen.String[Gen.Char["abcde-"], 0, 10];
        Gen.Select(name, name.Array[0, 30]).Sample((input, candidates) =>
            Suggest.Nearest(input, candidates).Should().Be(MeasuringAll(input, candidates), $"'{input}' among [{string.Join(", ", candidates)}]"), iter: 3000);
    }

    [Fact]
    public void A_near_name_is_suggested_and_a_far_one_is_not()
    {
        Suggest.Nearest("se-15-2012", ["se-15-2021", "se-23-2021", "palopo-2021-wfh"]).Should().Be("se-15-2021");
        Suggest.Nearest("kab-paser", ["kota-palopo", "kab-luwu-utara-extended"]).Should().BeNull();
    }

    /// <summary>The plain definition: the first candidate (in ordinal order) at the least edit distance, ignoring case, if near enough.</summary>
    private static string? MeasuringAll(string input, string[] candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates.Order(StringComparer.Ordinal))
        {
            var d = Levenshtein(input.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= Math.Max(2, input.Length / 2) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
