using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>The decision service of docs/service.md, over loopback HTTP, with bounded load that stops by itself.</summary>
public class ServiceTests
{
    [Fact]
    public async Task Decides_for_employees_of_the_facts_and_keeps_a_record_of_each_answer()
    {
        await using var host = await ServiceHost.Start();
        var health = await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var revision = health.GetProperty("revision").GetString()!;
        revision.Should().MatchRegex("^r-[0-9a-f]{12}$");
        health.GetProperty("circulars").EnumerateArray().Select(c => c.GetString()).Should().Contain("palopo-2021-wfh");

        var (status, body, _) = await host.Post("/v1/decide", new { on = "2021-07-30", employees = new[] { "e-001", "e-003" } });
        status.Should().Be(200);
        body.GetProperty("revision").GetString().Should().Be(revision);
        var decisions = body.GetProperty("decisions").EnumerateArray().ToList();
        decisions.Select(d => d.GetProperty("mode").GetString()).Should().Equal("rotation", "office");
        var record = decisions[0].GetProperty("record").GetString()!;
        decisions[0].GetProperty("provisions")[0].GetProperty("cite").GetString().Should().Contain("\"di kantor", "written as the library writes decisions");

        var (kept, records) = await host.Get("/v1/records?employee=e-001");
        kept.Should().Be(200);
        var first = records.GetProperty("records")[0];
        first.GetProperty("id").GetString().Should().Be(record);
        first.GetProperty("revision").GetString().Should().Be(revision);
        first.GetProperty("decision").GetProperty("mode").GetString().Should().Be("rotation");
        first.GetProperty("facts").GetProperty("employees")[0].GetProperty("id").GetString().Should().Be("e-001", "the facts the decision read, only the employee's");
        first.GetProperty("facts").GetProperty("employees").GetArrayLength().Should().Be(1);

        var (one, single) = await host.Get("/v1/decisions/e-003?on=2021-07-30");
        one.Should().Be(200);
        single.GetProperty("mode").GetString().Should().Be("office");
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(host.Records).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the records hold personal data");
    }

    [Fact]
    public async Task Filter_answers_the_library_s_residual_and_its_sql_over_the_service_s_facts_or_facts_inline()
    {
        await using var host = await ServiceHost.Start();
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var expected = engine.Analysis.Residual(engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!, new NodaTime.LocalDate(2021, 7, 30)).Value!.Only(WorkMode.Office);

        var (status, body, _) = await host.Post("/v1/filter", new
        {
            on = "2021-07-30", mode = "office", sql = "sqlite",
            mapping = new { employees = new { table = "staff", id = "id", unit = "unit" }, fields = new { employment = "employment", position = "position", echelon = "echelon", it_capable = "it_capable" } },
        });
        status.Should().Be(200);
        var readBack = PolicyJson.Deserialize<ResidualDecisions>(body.GetProperty("residual").GetRawText());
        readBack.Should().Be(expected, "the library's residual, written by its serializer");
        // Words, not classes, come back: translating them again is refused rather than written as broken SQL.
        FluentActions.Invoking(() => readBack.ToSql(WorkMode.Office, new FactsMapping("t", "i", "u", System.Collections.Immutable.ImmutableDictionary<string, FieldMapping>.Empty), SqlDialect.Sqlite))
            .Should().Throw<InvalidOperationException>().WithMessage("*read back from JSON*");
        body.GetProperty("sql").GetProperty("text").GetString().Should().StartWith("SELECT t.\"id\" FROM \"staff\" AS t").And.NotContain("'pns'");
        body.GetProperty("sql").GetProperty("arguments").EnumerateArray().Select(a => a.GetProperty("text").GetString()).Should().Contain("pns");

        var inline = await host.Post("/v1/filter", new
        {
            on = "2021-07-30",
            facts = new { regions = new Dictionary<string, object> { ["kota-palopo"] = new { ppkm = new[] { new { from = "2021-07-26", level = 4 } } } }, units = new[] { new { id = "u", region = "kota-palopo", kind = "puskesmas" } } },
        });
        inline.Status.Should().Be(200);
        inline.Body.GetProperty("residual").GetProperty("terms")[0].GetProperty("provision").GetString().Should().Be("palopo-2021-wfh/p2-critical-service");
    }

    [Fact]
    public async Task Bad_input_is_a_problem_with_the_WP_codes_never_a_stack_trace()
    {
        await using var host = await ServiceHost.Start(records: false, maxBody: 4096);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");

        var (unknown, problem, type) = await host.Post("/v1/decide", new { on = "2021-07-30", employees = new[] { "nobody" } });
        (unknown, type).Should().Be((404, "application/problem+json"));
        problem.GetProperty("detail").GetString().Should().Contain("'nobody'");

        using var malformed = await host.Client.PostAsync("/v1/decide", new StringContent("{ \"on\": ", Encoding.UTF8, "application/json"));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ServiceHost.Json(malformed)).GetProperty("title").GetString().Should().Be("the body is not JSON");

        var (bad, facts, _) = await host.Post("/v1/decide", new
        {
            on = "2021-07-30",
            facts = new { units = new[] { new { id = "u", region = "kota-palopo", kind = "dinas" } }, employees = new[] { new { id = "x", unit = "u", position = "pelaksanaa" } } },
        });
        bad.Should().Be(400);
        var diagnostic = facts.GetProperty("diagnostics").EnumerateArray().Single();
        diagnostic.GetProperty("code").GetString().Should().Be("WP0304");
        diagnostic.GetProperty("path").GetString().Should().Be("request/employees[x].position");
        diagnostic.GetProperty("message").GetString().Should().Contain("did you mean 'pelaksana'");

        using var big = await host.Client.PostAsync("/v1/decide", new StringContent("{\"on\":\"2021-07-30\",\"pad\":\"" + new string('x', 8000) + "\"}", Encoding.UTF8, "application/json"));
        big.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        big.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        foreach (var odd in new object[] { new { calendar = new { workweek = new[] { 1, 2 } } }, new { regions = new[] { 1 } }, new { employees = new { id = "x" } }, new { incidents = "none" } })
        {
            var (wrong, shape, kind) = await host.Post("/v1/decide", new { on = "2021-07-30", facts = odd });
            (wrong, kind).Should().Be((400, "application/problem+json"), JsonSerializer.Serialize(odd));
            // The one facts loader reads them, and names the part of the request that is wrong.
            shape.GetProperty("title").GetString().Should().Be("facts with errors");
            shape.GetProperty("diagnostics").EnumerateArray().Should().Contain(d => d.GetProperty("path").GetString()!.StartsWith("request/", StringComparison.Ordinal), JsonSerializer.Serialize(odd));
        }

        using var defect = await host.Client.GetAsync("/defect");
        defect.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        defect.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await defect.Content.ReadAsStringAsync()).Should().NotContain("planted").And.NotContain(" at ", "no stack trace");

        var (noDate, _, _) = await host.Post("/v1/decide", new { employees = new[] { "e-001" } });
        noDate.Should().Be(400);
        (await host.Get("/v1/records")).Status.Should().Be(404, "no records are kept by this service");
    }

    [Fact]
    public async Task With_a_key_every_v1_request_needs_it_and_health_does_not()
    {
        await using var host = await ServiceHost.Start(records: false, key: "s3cret-s3cret-s3cret");
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        (await host.Get("/v1/rules")).Status.Should().Be(401);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        (await host.Get("/v1/rules")).Status.Should().Be(401);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-s3cret-s3cret");
        var (ok, rules) = await host.Get("/v1/rules");
        ok.Should().Be(200);
        rules.GetProperty("circulars").EnumerateArray().Should().Contain(c => c.GetProperty("id").GetString() == "palopo-2021-wfh");
    }

    [Fact]
    public void Listening_off_loopback_without_a_key_is_refused_at_start()
    {
        var (code, _, err) = Shell.Run("serve", Repo.Path("samples", "circulars"), "--urls", "http://0.0.0.0:5999");
        code.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("needs --api-key-file");
        ServiceExposure.IsLoopback("http://127.0.0.1:5080").Should().BeTrue();
        ServiceExposure.IsLoopback("http://[::1]:5080").Should().BeTrue();
        ServiceExposure.IsLoopback("http://*:5080").Should().BeFalse();
    }

    [Fact]
    public async Task Ten_edits_under_load_fail_no_request_and_the_broken_one_is_refused_and_reported()
    {
        await using var host = await ServiceHost.Start(records: false);
        var first = (await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok")).GetProperty("revision").GetString();
        var palopo = Path.Combine(host.Rules, "palopo.wp");
        var original = await File.ReadAllTextAsync(palopo);
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var answered = 0;
        // Bounded load: four clients asking until the edits are done (and at most 30 s).
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!stop.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                using var response = await host.Client.GetAsync("/v1/decisions/e-001?on=2021-07-30");
                if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref answered);
                else Interlocked.Increment(ref failures);
            }
        })).ToList();
        string? brokenReported = null;
        for (var edit = 1; edit <= 10; edit++)
        {
            var broken = edit == 5;
            var text = broken ? original.Replace("mode rotation", "mode rotatoin", StringComparison.Ordinal) : original.Replace("25%", $"{20 + edit}%", StringComparison.Ordinal);
            // Saved as editors save: written aside, then renamed over (no reload reads half a file).
            await File.WriteAllTextAsync(palopo + ".tmp", text);
            File.Move(palopo + ".tmp", palopo, overwrite: true);
            // Judged on the answer itself (not on the provider read after it: a reload may land in between).
            var health = await host.HealthUntil(h => h.GetProperty("lastReload").GetProperty("ok").GetBoolean() is var ok
                && (broken ? !ok : ok && h.GetProperty("revision").GetString() != first));
            if (broken)
            {
                health.GetProperty("lastReload").GetProperty("ok").GetBoolean().Should().BeFalse();
                brokenReported = health.GetProperty("lastReload").GetProperty("diagnostics")[0].GetProperty("message").GetString();
                health.GetProperty("status").GetString().Should().Be("ok", "the last good rules keep answering");
            }
            first = health.GetProperty("revision").GetString();
        }
        stop.Cancel();
        await Task.WhenAll(load);
        failures.Should().Be(0);
        answered.Should().BeGreaterThan(0);
        brokenReported.Should().Contain("rotatoin");
        host.Provider.Current!.Engine.Decide(host.Provider.Current.Facts!, "e-001", new LocalDate(2021, 7, 30)).Pool!.Percent.Should().Be(30, "the tenth edit answers");
    }

    [Fact]
    public void Replay_of_the_samples_records_under_a_Palopo_reading_lists_exactly_the_people_compare_lists()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var reading = PolicyEngine.Load(Repo.Path("samples", "circulars", "palopo.wp")).Value!;
        var interpretation = PolicyEngine.Load(Repo.Path("samples", "circulars", "interpretations", "palopo-leaves-level-iv.wp")).Value!;
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "personas.facts.yaml")).Value!;
        var (from, to) = (new LocalDate(2021, 8, 20), new LocalDate(2021, 8, 27));
        // Palopo's decisions as the service would record them (the circular alone, as compared).
        var records = reading.DecideAll(facts, from, to).Where(d => d.Circulars.Contains("palopo-2021-wfh"))
            .Select(d => DecisionRecord.Of(reading, facts, d, Instant.FromUtc(2021, 8, 27, 0, 0))).ToList();
        var replayed = DecisionReplay.Run(records, interpretation).Changes.Select(c => (c.Employee, c.Date)).ToHashSet();
        var compared = new HashSet<(string, LocalDate)>();
        foreach (var difference in PolicyAnalysis.Compare(reading, interpretation, from, to, facts).Employees!)
            for (var day = difference.From; day <= difference.To; day = day.PlusDays(1)) compared.Add((difference.Employee, day));
        replayed.Should().NotBeEmpty();
        replayed.Should().BeEquivalentTo(compared);
        engine.Circulars.Should().Contain("palopo-2021-wfh");
    }

    [Fact]
    public async Task Replay_reports_the_recorded_decisions_another_reading_changes_by_the_provision_that_decides_now()
    {
        var folder = Directory.CreateTempSubdirectory("wp-replay-").FullName;
        try
        {
            var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
            var facts = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
            var at = Instant.FromUtc(2021, 8, 27, 1, 0);
            var records = new[] { "e-001", "e-003" }.SelectMany(e => new[] { new LocalDate(2021, 7, 30), new LocalDate(2021, 8, 27) }
                .Select(d => DecisionRecord.Of(engine, facts, engine.Decide(facts, e, d), at))).ToList();
            await using (var store = new SqliteRecordStore(Path.Combine(folder, "r.db")))
            {
                await store.InitializeAsync();
                await store.WriteAsync(records);
                (await store.ReadAsync(new RecordQuery("e-003"))).Select(r => r.Id).Should().BeEquivalentTo(records.Where(r => r.Employee == "e-003").Select(r => r.Id));
            }
            var reading = PolicyEngine.Load(Repo.Path("samples", "circulars", "interpretations", "palopo-leaves-level-iv.wp")).Value!;
            var report = DecisionReplay.Run(records, reading);
            report.Total.Should().Be(4);
            // At level 3 (27 August) the reading that ends with level IV no longer covers Palopo; at level 4 nothing changes.
            report.Changes.Should().OnlyContain(c => c.Date == new LocalDate(2021, 8, 27)).And.HaveCount(2);
            report.Changes.Should().OnlyContain(c => c.After.Mode == WorkMode.NotCovered);
            report.ToString().Should().Contain("replayed 4 record(s)").And.Contain("2 would change");
            using var json = JsonDocument.Parse(report.ToJson());
            json.RootElement.GetProperty("changed").GetInt32().Should().Be(2);
            // The same rules replay to no change at all.
            DecisionReplay.Run(records, engine).Changes.Should().BeEmpty();
            var (code, output, _) = Shell.Run("replay", Path.Combine(folder, "r.db"), Repo.Path("samples", "circulars", "interpretations", "palopo-leaves-level-iv.wp"));
            code.Should().Be(0);
            output.Should().StartWith("replayed 4 record(s)").And.Contain("e-003").And.Contain("office (p2-critical-service) -> not-covered");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
