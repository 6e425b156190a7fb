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

    [Fact]
    public async Task A_roster_of_NULs_is_not_text_and_is_not_read_to_its_end()
    {
        // /dev/zero never ends: a line without end is passed over, but a NUL stops the reading at once.
        var reading = Task.Run(() => Rosters.Read("/dev/zero"));
        (await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(30)))).Should().BeSameAs(reading, "the reading stops at the first NUL");
        var endless = await reading;
        endless.Value.Should().BeNull();
        endless.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("WP0003");
        var path = Path.Combine(Path.GetTempPath(), $"wp-roster-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "employee,date,place\ne-001,2021-07-26,office\ne-002,2021-07\0-26,home\ne-003,2021-07-26,home\n");
            var read = Rosters.Read(path);
            read.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "WP0003" && d.Span.Line == 3);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
