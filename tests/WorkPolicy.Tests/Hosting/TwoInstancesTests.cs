using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Two <c>serve</c> processes on their own loopback ports sharing one PostgreSQL database, as behind a load balancer:
/// the load spread over both, one killed with SIGKILL mid-load, the other answering on; every answer either gave has its
/// record, and a replay reads the records of both. Needs the PostgreSQL server <c>.ci/run</c> starts.
/// </summary>
public class TwoInstancesTests
{
    [Fact]
    public async Task Two_instances_share_the_records_and_losing_one_loses_no_acknowledged_record()
    {
        await using var created = await PostgresDatabase.Create();
        if (created is null) return;
        var database = created.ConnectionString;
        string[] args = [Repo.Path("samples", "circulars"), "--facts", Repo.Path("samples", "facts", "sample.facts.yaml"), "--records-postgres", database];
        await using var first = ServeProcess.Start(args);
        await using var second = ServeProcess.Start(args);
        using var a = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{first.Port}"), Timeout = TimeSpan.FromSeconds(10) };
        using var b = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{second.Port}"), Timeout = TimeSpan.FromSeconds(10) };
        (await first.Ready(a)).Should().BeTrue(first.Errors);
        (await second.Ready(b)).Should().BeTrue(second.Errors);

        // Bounded load: four clients, each request to the next instance in turn, until the second has answered 100 after
        // the first was killed (at most 20,000 requests and 60 s in all).
        var answered = new System.Collections.Concurrent.ConcurrentBag<(int Instance, string Record)>();
        var sent = 0;
        var afterKill = 0;
        var killed = false;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var load = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref sent)) <= 20_000 && DateTime.UtcNow < deadline && !(Volatile.Read(ref killed) && Volatile.Read(ref afterKill) >= 100))
            {
                var instance = n % 2;
                try
                {
                    using var response = await (instance == 0 ? a : b).PostAsJsonAsync("/v1/decide", new { on = "2021-07-30", employees = new[] { $"e-00{1 + (c % 4)}" } });
                    if (response.StatusCode != HttpStatusCode.OK) continue;
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    foreach (var d in body.RootElement.GetProperty("decisions").EnumerateArray()) answered.Add((instance, d.GetProperty("record").GetString()!));
                    if (Volatile.Read(ref killed)) Interlocked.Increment(ref afterKill);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
                {
                    // The killed instance: its requests fail; the other goes on.
                }
            }
        })).ToList();
        while (answered.Count < 200 && load.Any(t => !t.IsCompleted)) await Task.Delay(5);
        await first.Kill();
        Volatile.Write(ref killed, true);
        await Task.WhenAll(load);
        await second.Kill();

        afterKill.Should().BeGreaterThanOrEqualTo(100, "the second answered on after the first was killed");
        answered.Select(x => x.Instance).Distinct().Should().HaveCount(2, "the load went to both");
        await using var store = new PostgresRecordStore(database);
        await store.InitializeAsync();
        var kept = new HashSet<string>();
        await foreach (var record in store.StreamAsync()) kept.Add(record.Id);
        answered.Select(x => x.Record).Where(id => !kept.Contains(id)).Should().BeEmpty("an answer is given only once its record is committed");
        var candidate = PolicyEngine.Load(Repo.Path("samples", "circulars", "interpretations", "palopo-leaves-level-iv.wp")).Value!;
        var replay = await DecisionReplay.RunAsync(store.StreamAsync(), candidate);
        replay.Total.Should().Be(kept.Count, "a replay reads the records of both instances");
    }
}
