using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// A record written is never lost: <c>workpolicy serve --records</c> as its own process under a bounded load, killed
/// with SIGKILL mid-load; every request it had answered 200 has its record in the file afterwards.
/// </summary>
public class RecordDurabilityTests
{
    [Fact]
    public async Task After_kill_9_every_request_answered_200_has_its_record()
    {
        var folder = Directory.CreateTempSubdirectory("wp-kill-").FullName;
        ServeProcess? service = null;
        try
        {
            var rules = Path.Combine(folder, "rules");
            Directory.CreateDirectory(rules);
            foreach (var f in Directory.GetFiles(Repo.Path("samples", "circulars"), "*.wp")) File.Copy(f, Path.Combine(rules, Path.GetFileName(f)));
            var records = Path.Combine(folder, "records.db");
            service = ServeProcess.Start([rules, "--facts", Repo.Path("samples", "facts", "sample.facts.yaml"), "--records", records]);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}"), Timeout = TimeSpan.FromSeconds(10) };
            (await service.Ready(client)).Should().BeTrue(service.Errors);
            // Bounded load: four clients, at most 600 requests in all, until the service is killed.
            var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
            var sent = 0;
            var employees = new[] { "e-001", "e-002", "e-003", "e-004" };
            var load = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref sent) <= 600)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/v1/decide", new { on = "2021-07-30", employees = new[] { employees[c] } });
                        if (response.StatusCode != HttpStatusCode.OK) continue;
                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        foreach (var d in body.RootElement.GetProperty("decisions").EnumerateArray()) answered.Add(d.GetProperty("record").GetString()!);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        return;
                    }
                }
            })).ToList();
            while (answered.Count < 150 && load.Any(t => !t.IsCompleted)) await Task.Delay(5);
            await service.Kill();
            await Task.WhenAll(load);
            answered.Should().HaveCountGreaterThanOrEqualTo(150);

            await using var store = new SqliteRecordStore(records);
            await store.InitializeAsync();
            var kept = new HashSet<string>();
            for (var offset = 0; ; offset += 1000)
            {
                var page = await store.ReadAsync(RecordQuery.All(offset));
                kept.UnionWith(page.Select(r => r.Id));
                if (page.Count < 1000) break;
            }
            answered.Where(id => !kept.Contains(id)).Should().BeEmpty("an answer is given only once its record is durable");
        }
        finally
        {
            if (service is not null) await service.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
