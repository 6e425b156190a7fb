using NodaTime;
using Snapshooter.Xunit;
using WorkPolicy;
using Xunit;

public class PalopoReadingsTests
{
    private static readonly string Circulars = Path.Combine(AppContext.BaseDirectory, "circulars");

    [Fact]
    public void The_two_readings_of_Palopo_differ_as_the_snapshot_says()
    {
        var issued = PolicyEngine.Load(Path.Combine(Circulars, "palopo.wp")).Value!;
        var reading = PolicyEngine.Load(Path.Combine(Circulars, "interpretations", "palopo-leaves-level-iv.wp")).Value!;
        var comparison = PolicyAnalysis.Compare(issued, reading, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31));
        Snapshot.Match(comparison.ToString().Replace(Circulars, "circulars"));
    }
}
