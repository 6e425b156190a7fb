using System.Text;
using FluentAssertions;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The service tried from outside as an attacker would, over raw loopback sockets (the request's bytes exactly as
/// written): spellings of paths against the key, bytes that are not text, broken framing, query values that do not
/// parse, and requests over the bounds. Every 4xx carries a problem document; nothing is a 5xx.
/// </summary>
public class ServiceAttackTests
{
    private const string Key = "a-key-of-the-service-0123456789";

    /// <summary>Every endpoint under /v1, as (method, path, query, body).</summary>
    private static readonly (string Method, string Path, string Query, string? Body)[] Endpoints =
    [
        ("GET", "/v1/rules", "", null),
        ("POST", "/v1/decide", "", """{"on":"2021-07-30","employees":["e-001"]}"""),
        ("GET", "/v1/decisions/e-001", "?on=2021-07-30", null),
        ("POST", "/v1/explain", "", """{"employee":"e-001","on":"2021-07-30"}"""),
        ("POST", "/v1/filter", "", """{"on":"2021-07-30"}"""),
        ("GET", "/v1/records", "?employee=e-001", null),
    ];

    /// <summary>Ways to spell a path that routing may or may not take for it.</summary>
    private static IEnumerable<(string Name, string Path)> Spellings(string path)
    {
        var rest = path["/v1/".Length..];
        yield return ("as documented", path);
        yield return ("upper case", path.ToUpperInvariant());
        yield return ("V1 upper", "/V1/" + rest);
        yield return ("last segment capitalised", "/v1/" + char.ToUpperInvariant(rest[0]) + rest[1..]);
        yield return ("double slash first", "/" + path);
        yield return ("double slash inside", "/v1//" + rest);
        yield return ("%2F", "/v1%2F" + rest);
        yield return ("%2f", "/v1%2f" + rest);
        yield return ("%2F first", "%2Fv1/" + rest);
        yield return ("trailing slash", path + "/");
        yield return ("dot segment", "/v1/./" + rest);
        yield return ("leading dot", "/./v1/" + rest);
        yield return ("dot-dot", "/x/../v1/" + rest);
        yield return ("dot-dot past the root", "/../v1/" + rest);
        yield return ("encoded v", "/%761/" + rest);
        yield return ("encoded V", "/%561/" + rest);
        yield return ("encoded dot segment", "/v1/%2e/" + rest);
        yield return ("backslash", "/v1\\" + rest);
        yield return ("semicolon", "/v1;x/" + rest);
    }

    [Fact]
    public async Task No_spelling_of_a_v1_path_reaches_an_endpoint_without_the_key()
    {
        await using var host = await ServiceHost.Start(records: true, key: Key);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var server = host.Client.BaseAddress!;
        var reachedWithKey = 0;
        var tried = 0;
        foreach (var (method, path, query, body) in Endpoints)
        {
            foreach (var (name, spelled) in Spellings(path))
            {
                var bytes = body is null ? null : Encoding.UTF8.GetBytes(body);
                var without = await RawHttp.Send(server, method, spelled + query, bytes);
                var wrong = await RawHttp.Send(server, method, spelled + query, bytes, key: "not-the-key-of-the-service-000");
                var with = await RawHttp.Send(server, method, spelled + query, bytes, key: Key);
                tried++;
                var because = $"{method} {spelled}{query} ({name})";
                without.Status.Should().BeInRange(400, 499, because);
                wrong.Status.Should().BeInRange(400, 499, because);
                without.Body.Should().NotContain("\"facts\"", because).And.NotContain("palopo-2021-wfh", because);
                // A request-target that is not a path is refused by Kestrel itself, before any middleware: no body there.
                if (spelled.StartsWith('/')) without.IsProblem.Should().BeTrue($"{because} answers a problem document: {without.Status} {without.Body}");
                else without.Status.Should().Be(400, because);
                with.Status.Should().BeLessThan(500, because);
                if (with.Status is >= 200 and < 300)
                {
                    // Routing took this spelling for the endpoint: without the key it must have been refused as such.
                    reachedWithKey++;
                    without.Status.Should().Be(401, because);
                    without.Headers["www-authenticate"].Should().Be("Bearer", because);
                    wrong.Status.Should().Be(401, because);
                }
            }
        }
        // The matrix means something only if case and the like do reach the endpoints (routing ignores case).
        reachedWithKey.Should().BeGreaterThanOrEqualTo(Endpoints.Length * 4, $"of {tried} spellings");
        (await RawHttp.Send(server, "GET", "/health")).Status.Should().Be(200, "health needs no key");
    }

    [Fact]
    public async Task Head_answers_as_get_does_without_a_body_and_asks_for_the_key_the_same()
    {
        await using var host = await ServiceHost.Start(records: true, key: Key);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var server = host.Client.BaseAddress!;
        var gets = Endpoints.Where(e => e.Method == "GET").Select(e => (e.Path, e.Query)).Append(("/health", "")).ToList();
        foreach (var (path, query) in gets)
        {
            var key = path == "/health" ? null : Key;
            var get = await RawHttp.Send(server, "GET", path + query, key: key);
            var head = await RawHttp.Send(server, "HEAD", path + query, key: key);
            var because = $"HEAD {path}{query}";
            get.Status.Should().Be(200, because);
            head.Status.Should().Be(200, because);
            head.ContentType.Should().Be(get.ContentType, because);
            head.Body.Should().BeEmpty(because);
            if (key is null) continue;
            foreach (var spelled in new[] { path, path.ToUpperInvariant(), path + "/" })
            {
                var without = await RawHttp.Send(server, "HEAD", spelled + query);
                without.Status.Should().Be(401, $"HEAD {spelled}{query} without the key");
                without.Body.Should().BeEmpty();
            }
        }
        foreach (var (method, path, query, _) in Endpoints.Where(e => e.Method == "POST"))
        {
            var head = await RawHttp.Send(server, "HEAD", path + query, key: Key);
            head.Status.Should().Be(405, path);
            head.Headers["allow"].Should().Be(method, path);
        }
    }

    [Fact]
    public async Task Several_keys_are_accepted_for_a_rotation_and_none_is_compared_by_prefix()
    {
        const string Next = "the-next-key-of-the-service-9876";
        await using var host = await ServiceHost.Start(records: false, key: Key, configure: o => o.ApiKeys.Add(Next));
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var server = host.Client.BaseAddress!;
        (await RawHttp.Send(server, "GET", "/v1/rules", key: Key)).Status.Should().Be(200);
        (await RawHttp.Send(server, "GET", "/v1/rules", key: Next)).Status.Should().Be(200);
        (await RawHttp.Send(server, "GET", "/v1/rules", key: Key[..^1])).Status.Should().Be(401);
        (await RawHttp.Send(server, "GET", "/v1/rules", key: Key + "x")).Status.Should().Be(401);
        (await RawHttp.Send(server, "GET", "/v1/rules", extraHeaders: $"Authorization: Basic {Key}\r\n")).Status.Should().Be(401);
    }

    [Fact]
    public async Task Bytes_that_are_not_text_broken_framing_and_bad_query_values_are_400_problems()
    {
        await using var host = await ServiceHost.Start(records: true);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var server = host.Client.BaseAddress!;
        var bodies = new Dictionary<string, byte[]>
        {
            ["invalid UTF-8 in a string"] = [.. "{\"on\":\"2021-07-30\",\"employees\":[\"e-"u8, 0xff, 0xfe, .. "01\"]}"u8],
            ["invalid UTF-8 in a name"] = [.. "{\"on\":\"2021-07-30\",\""u8, 0xc3, 0x28, .. "\":1,\"employees\":[\"e-001\"]}"u8],
            ["a lone high surrogate"] = "{\"on\":\"2021-07-30\",\"employees\":[\"\\ud800\"]}"u8.ToArray(),
            ["a lone low surrogate in facts"] = "{\"on\":\"2021-07-30\",\"facts\":{\"employees\":[{\"id\":\"\\udc00\"}]}}"u8.ToArray(),
            ["a surrogate in a date"] = "{\"on\":\"2021-07-3\\ud800\",\"employees\":[\"e-001\"]}"u8.ToArray(),
        };
        foreach (var (name, body) in bodies)
        {
            foreach (var path in new[] { "/v1/decide", "/v1/explain" })
            {
                var answer = await RawHttp.Send(server, "POST", path, body);
                answer.Status.Should().Be(400, $"{path}: {name}: {answer.Body}");
                answer.IsProblem.Should().BeTrue(name);
            }
        }
        var framing = await RawHttp.Send(server, "POST", "/v1/decide", "zz\r\n{}\r\n0\r\n\r\n"u8.ToArray(), chunked: true);
        framing.Status.Should().Be(400, framing.Body);
        framing.IsProblem.Should().BeTrue();

        foreach (var query in new[] { "page=abc", "page=1&page=2", "page=2147483647", "page=0", "page=-1", "page=1e3", "from=2021-13-01", "to=yesterday", "employee=a&employee=b" })
        {
            var answer = await RawHttp.Send(server, "GET", "/v1/records?" + query);
            answer.Status.Should().Be(400, query);
            answer.IsProblem.Should().BeTrue(query);
        }
        (await RawHttp.Send(server, "GET", "/v1/records?page=21474836")).Status.Should().Be(200, "the last page whose offset fits");
        (await RawHttp.Send(server, "GET", "/v1/decisions/e-001?on=2021-02-30")).Status.Should().Be(400);

        foreach (var (method, path, status) in new[] { ("GET", "/v1/nothing", 404), ("GET", "/nothing", 404), ("DELETE", "/v1/rules", 405), ("PUT", "/v1/decide", 405), ("GET", "/v1/decide", 405) })
        {
            var answer = await RawHttp.Send(server, method, path);
            answer.Status.Should().Be(status, $"{method} {path}");
            answer.IsProblem.Should().BeTrue($"{method} {path}: '{answer.Body}'");
            answer.Json.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
        }
    }

    [Fact]
    public async Task A_member_given_twice_is_refused_and_a_value_sent_back_is_cut_short()
    {
        await using var host = await ServiceHost.Start(records: false);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var server = host.Client.BaseAddress!;
        // Parsers differ on which of two members wins (a gateway checking the first, the service using the last): refused.
        foreach (var body in new[]
        {
            """{"on":"2021-07-30","employees":["e-001"],"employees":["e-002"]}""",
            """{"on":"2021-07-30","on":"2021-07-31","employees":["e-001"]}""",
            """{"on":"2021-07-30","facts":{"employees":[{"id":"x-1","id":"x-2","unit":"disdik-plp"}]},"employees":["x-1"]}""",
        })
        {
            foreach (var path in new[] { "/v1/decide", "/v1/explain" })
            {
                var answer = await RawHttp.Send(server, "POST", path, Encoding.UTF8.GetBytes(body));
                answer.Status.Should().Be(400, $"{path}: {body}");
                answer.IsProblem.Should().BeTrue(body);
                answer.Json.GetProperty("detail").GetString().Should().Contain("Duplicate", body);
            }
        }
        // A long id (within Kestrel's 8 KB request line in a path, 20,000 characters in a body) is not sent back whole.
        foreach (var (method, length) in new[] { ("GET", 5_000), ("POST", 20_000) })
        {
            var stranger = new string('a', length);
            var answer = method == "GET"
                ? await RawHttp.Send(server, method, "/v1/decisions/" + stranger + "?on=2021-07-30")
                : await RawHttp.Send(server, method, "/v1/decide", Encoding.UTF8.GetBytes($$"""{"on":"2021-07-30","employees":["{{stranger}}"]}"""));
            answer.Status.Should().Be(404, method);
            var detail = answer.Json.GetProperty("detail").GetString()!;
            detail.Length.Should().BeLessThan(300, method);
            detail.Should().Contain($"({length:N0} characters)", method);
        }
    }

    [Fact]
    public async Task A_JSON_body_is_read_whatever_its_Content_Type_says()
    {
        await using var host = await ServiceHost.Start(records: false);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        // As `curl -d` sends it, and as clients that forget the header do: the body is JSON all the same.
        foreach (var type in new[] { "application/x-www-form-urlencoded", "text/plain" })
        {
            using var response = await host.Client.PostAsync("/v1/decide", new StringContent("""{"on":"2021-07-30","employees":["e-001"]}""", Encoding.UTF8, type));
            ((int)response.StatusCode).Should().Be(200, type);
        }
    }

    [Fact]
    public async Task The_calendars_last_and_first_days_are_answered_not_a_500()
    {
        // The property test found it: a loop asked for the day after 9999-12-31.
        await using var host = await ServiceHost.Start(records: true);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        foreach (var body in new[]
        {
            """{"on":"9999-12-31","employees":["e-001","e-003"]}""", """{"from":"9999-12-29","to":"9999-12-31","employees":["e-001"]}""",
            """{"on":"0001-01-01","employees":["e-001"]}""",
        })
        {
            using var response = await host.Client.PostAsync("/v1/decide", new StringContent(body, Encoding.UTF8, "application/json"));
            ((int)response.StatusCode).Should().Be(200, body);
        }
        using var explained = await host.Client.PostAsync("/v1/explain", new StringContent("""{"employee":"e-001","on":"0001-01-01"}""", Encoding.UTF8, "application/json"));
        ((int)explained.StatusCode).Should().Be(200);
        // A day and a range at once: which was meant is not known, so neither is answered (the day won silently before).
        foreach (var both in new[] { """{"on":"2021-07-30","from":"2021-07-01","to":"2021-07-02","employees":["e-001"]}""", """{"on":"2021-07-30","to":"2021-07-31","employees":["e-001"]}""" })
        {
            var answer = await RawHttp.Send(host.Client.BaseAddress!, "POST", "/v1/decide", Encoding.UTF8.GetBytes(both));
            answer.Status.Should().Be(400, both);
            answer.IsProblem.Should().BeTrue();
            answer.Json.GetProperty("title").GetString().Should().Be("both a day and a range");
        }
    }

    [Fact]
    public async Task Work_over_a_bound_is_422_naming_it_and_refused_before_deciding()
    {
        await using var host = await ServiceHost.Start(records: true, configure: o =>
        {
            o.Limits.MaxDecisionsPerRequest = 10;
            o.Limits.MaxInlineEmployees = 2;
        });
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        // A million ids are counted, not decided (nor looked up: they are not even in the facts).
        var ids = string.Join(",", Enumerable.Range(0, 11).Select(i => $"\"x-{i}\""));
        var (many, problem, _) = await host.Post("/v1/decide", System.Text.Json.JsonDocument.Parse($"{{\"on\":\"2021-07-30\",\"employees\":[{ids}]}}").RootElement);
        many.Should().Be(422);
        problem.GetProperty("title").GetString().Should().Contain("MaxDecisionsPerRequest");
        var (long_, range, _) = await host.Post("/v1/decide", new { from = "2021-07-01", to = "2021-07-04", employees = new[] { "e-001", "e-002", "e-003" } });
        long_.Should().Be(422, "3 employees × 4 days");
        range.GetProperty("detail").GetString().Should().Contain("3 employees × 4 day(s)");
        var inline = new
        {
            on = "2021-07-30",
            facts = new
            {
                units = new[] { new { id = "u", region = "kota-palopo", kind = "dinas" } },
                employees = Enumerable.Range(0, 3).Select(i => new { id = $"i-{i}", unit = "u", position = "pelaksana" }).ToArray(),
            },
        };
        var (crowd, named, _) = await host.Post("/v1/decide", inline);
        crowd.Should().Be(422);
        named.GetProperty("title").GetString().Should().Contain("MaxInlineEmployees");
        (await host.Post("/v1/explain", new { employee = "i-0", inline.on, inline.facts })).Status.Should().Be(422);
        (await host.Post("/v1/filter", new { inline.on, inline.facts })).Status.Should().Be(422);
        var (within, _, _) = await host.Post("/v1/decide", new { from = "2021-07-01", to = "2021-07-05", employees = new[] { "e-001", "e-003" } });
        within.Should().Be(200, "10 decisions are within the bound");
        (await host.Get("/v1/records?employee=e-002")).Body.GetProperty("records").GetArrayLength().Should().Be(0, "nothing refused was decided or recorded");
    }

    [Fact]
    public async Task A_body_over_MaxBodyBytes_is_413_naming_it_and_large_bodies_are_parsed_a_few_at_a_time()
    {
        await using var host = await ServiceHost.Start(records: false, configure: o =>
        {
            o.Limits.MaxBodyBytes = 2048;
            o.Limits.LargeBodiesAtOnce = 1;
        });
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var big = Encoding.UTF8.GetBytes("{\"on\":\"2021-07-30\",\"employees\":[" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"x-{i}\"")) + "]}");
        var refused = await RawHttp.Send(host.Client.BaseAddress!, "POST", "/v1/decide", big);
        refused.Status.Should().Be(413);
        refused.Json.GetProperty("detail").GetString().Should().Contain("MaxBodyBytes");
        // Of unknown length (chunked), it is cut off as it streams past the bound.
        var chunked = Encoding.ASCII.GetBytes($"{big.Length:x}\r\n").Concat(big).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        var streamed = await RawHttp.Send(host.Client.BaseAddress!, "POST", "/v1/decide", chunked, chunked: true);
        streamed.Status.Should().Be(413);
        streamed.IsProblem.Should().BeTrue();
        // Bodies of unknown length pass the gate one at a time, and each is answered.
        var small = "{\"on\":\"2021-07-30\",\"employees\":[\"e-001\"]}"u8.ToArray();
        var framed = Encoding.ASCII.GetBytes($"{small.Length:x}\r\n").Concat(small).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RawHttp.Send(host.Client.BaseAddress!, "POST", "/v1/decide", framed, chunked: true)));
        answers.Should().OnlyContain(a => a.Status == 200);
    }

    [Fact]
    public async Task A_request_past_its_time_is_422_naming_the_bound()
    {
        await using var host = await ServiceHost.Start(records: false, configure: o => o.Limits.RequestTime = TimeSpan.FromTicks(1));
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var (status, problem, _) = await host.Post("/v1/decide", new { from = "2021-07-01", to = "2021-07-05", employees = new[] { "e-001", "e-003" } });
        status.Should().Be(422);
        problem.GetProperty("title").GetString().Should().Contain("RequestTime");
    }

    [Fact]
    public async Task Past_the_concurrency_bound_a_request_gets_429_with_Retry_After()
    {
        await using var host = await ServiceHost.Start(records: false, configure: o =>
        {
            o.Limits.MaxConcurrentRequests = 1;
            o.Limits.RequestQueue = 0;
        });
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        var server = host.Client.BaseAddress!;
        // One request holds the only permit: its body is promised but not all sent. (Each try holds anew: on a busy
        // machine a held request may not have reached the limiter when the next one asks.)
        RawHttp.Answer? refused = null;
        for (var i = 0; i < 20 && refused?.Status != 429; i++)
        {
            using var held = await RawHttp.Hold(server, "POST", "/v1/decide", 100, "{\"on\":"u8.ToArray());
            await Task.Delay(100 + (50 * i));
            refused = await RawHttp.Send(server, "GET", "/v1/rules");
            if (refused.Status == 429) (await RawHttp.Send(server, "GET", "/health")).Status.Should().Be(200, "health is not limited");
        }
        refused!.Status.Should().Be(429);
        refused.Headers["retry-after"].Should().Be("1");
        refused.IsProblem.Should().BeTrue();
        // The held request ends with its connection; the permit comes back.
        RawHttp.Answer? after = null;
        for (var i = 0; i < 100 && after?.Status != 200; i++)
        {
            after = await RawHttp.Send(server, "GET", "/v1/rules");
            if (after.Status != 200) await Task.Delay(50);
        }
        after!.Status.Should().Be(200);
    }
}
