using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>A roster is data as large as the population it plans: <c>roster --check</c> reads what <c>roster</c> writes.</summary>
public class RosterFileSizeTests
{
    [Fact]
    public void A_roster_larger_than_a_rule_file_may_be_is_read_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wp-roster-{Guid.NewGuid():N}.csv");
        try
        {
            // 200,000 rows (about 6 MB): over the 4 MiB a rule file may have, which refused such rosters before.
            using (var file = File.CreateText(path))
            {
                file.WriteLine("employee,date,place");
                for (var i = 0; i < 200_000; i++) file.WriteLine($"e{i:D6},2021-07-{26 + (i % 5):D2},{(i % 4 == 0 ? "office" : "home")}");
            }
            new FileInfo(path).Length.Should().BeGreaterThan(4 * 1024 * 1024);
            var read = Rosters.Read(path);
            read.Diagnostics.Should().BeEmpty();
            read.Value!.Count.Should().Be(200_000);
            read.Value[4].Should().Be(new RosterEntry("e000004", new NodaTime.LocalDate(2021, 7, 30), RosterPlace.Office));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
