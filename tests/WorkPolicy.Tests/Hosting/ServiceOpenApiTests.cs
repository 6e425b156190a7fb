using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The OpenAPI document says enough for a client generator, and says the truth: every answer of every endpoint, the
/// problems included, fits the schema the document gives for its status; and requests generated from the document's
/// request schemas (wrong types, members missing and extra, odd strings) never make a 5xx.
/// </summary>
public class ServiceOpenApiTests
{
    private const string Key = "the-key-of-the-openapi-tests-0123";

    private static async Task<(ServiceHost Host, OpenApiSchema Schema)> Start(bool key = false)
    {
        var host = await ServiceHost.Start(records: true, key: key ? Key : null);
        await host.HealthUntil(h => h.TryGetProperty("status", out var s) && s.GetString() == "ok");
        using var document = await host.Client.GetAsync("/openapi/v1.json");
        document.IsSuccessStatusCode.Should().BeTrue("the document needs no key");
        return (host, new OpenApiSchema(JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement.Clone()));
    }

    [Fact]
    public async Task The_document_has_request_bodies_answers_with_schemas_problems_and_the_bearer_scheme()
    {
        var (host, schema) = await Start();
        await using var running = host;
        var doc = schema.Document;
        doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().Should().Be("bearer");
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var responses = op.Value.GetProperty("responses");
                responses.TryGetProperty("200", out var ok).Should().BeTrue($"{op.Name} {path.Name} answers 200");
                ok.GetProperty("content").EnumerateObject().Single().Value.TryGetProperty("schema", out _).Should().BeTrue();
                if (!path.Name.StartsWith("/v1/", StringComparison.Ordinal)) continue;
                op.Value.GetProperty("security")[0].TryGetProperty("bearer", out _).Should().BeTrue($"{path.Name} asks for the key");
                foreach (var status in new[] { "400", "401", "429", "500", "503" }.Where(s => s != "400" || path.Name != "/v1/rules"))
                    schema.Resolve(responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema"))
                        .GetProperty("properties").TryGetProperty("diagnostics", out _).Should().BeTrue($"{op.Name} {path.Name} {status}");
            }
        }
        schema.Body("post", "/v1/decide").GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["on", "from", "to", "employees", "facts"]);
        schema.Body("post", "/v1/explain").GetProperty("required").EnumerateArray().Select(p => p.GetString()).Should().BeEquivalentTo(["employee", "on"]);
        doc.GetProperty("paths").GetProperty("/v1/records").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).Should().BeEquivalentTo(["employee", "from", "to", "page"]);
    }

    [Fact]
    public async Task Every_answer_of_every_endpoint_fits_its_schema()
    {
        var (host, schema) = await Start(key: true);
        await using var running = host;
        var inline = """{"units":[{"id":"u","region":"kota-palopo","kind":"dinas"}],"employees":[{"id":"x","unit":"u","position":"pelaksana"}]}""";
        var calls = new (string Method, string Path, string Template, string? Body, bool Keyed, int Status)[]
        {
            ("GET", "/health", "/health", null, false, 200),
            ("GET", "/v1/rules", "/v1/rules", null, true, 200),
            ("GET", "/v1/rules", "/v1/rules", null, false, 401),
            ("POST", "/v1/decide", "/v1/decide", """{"on":"2021-07-30","employees":["e-001","e-003"]}""", true, 200),
            ("POST", "/v1/decide", "/v1/decide", """{"from":"2021-08-26","to":"2021-08-28","employees":["e-002"]}""", true, 200),
            ("POST", "/v1/decide", "/v1/decide", $$"""{"on":"2021-07-30","facts":{{inline}}}""", true, 200),
            ("POST", "/v1/decide", "/v1/decide", """{"on":"2021-07-30","employees":["nobody"]}""", true, 404),
            ("POST", "/v1/decide", "/v1/decide", """{"on":"2021-07-30","facts":{"employees":[{"id":"x","unit":"nowhere"}]}}""", true, 400),
            ("POST", "/v1/decide", "/v1/decide", "{\"on\":", true, 400),
            ("GET", "/v1/decisions/e-001?on=2021-07-30", "/v1/decisions/{employee}", null, true, 200),
            ("GET", "/v1/decisions/nobody?on=2021-07-30", "/v1/decisions/{employee}", null, true, 404),
            ("GET", "/v1/decisions/e-001?on=someday", "/v1/decisions/{employee}", null, true, 400),
            ("POST", "/v1/explain", "/v1/explain", """{"employee":"e-001","on":"2021-07-30"}""", true, 200),
            ("POST", "/v1/explain", "/v1/explain", $$"""{"employee":"x","on":"2021-08-27","facts":{{inline}}}""", true, 200),
            ("POST", "/v1/explain", "/v1/explain", """{"employee":"e-001"}""", true, 400),
            ("POST", "/v1/filter", "/v1/filter", """{"on":"2021-07-30"}""", true, 200),
            ("POST", "/v1/filter", "/v1/filter", """{"on":"2021-07-30","mode":"office","sql":"postgres","mapping":{"employees":{"table":"hr.pegawai","id":"nip","unit":"unit_kerja"},"fields":{"employment":"status","position":"jabatan","echelon":"eselon","it_capable":"mampu_ti"}}}""", true, 200),
            ("POST", "/v1/filter", "/v1/filter", """{"on":"2021-07-30","mode":"office","sql":"postgres","mapping":{"employees":{"table":"t","id":"i","unit":"u"},"fields":{}}}""", true, 400),
            ("POST", "/v1/filter", "/v1/filter", """{"on":"2021-07-30","mode":"officer"}""", true, 400),
            ("GET", "/v1/records?employee=e-001", "/v1/records", null, true, 200),
            ("GET", "/v1/records?page=x", "/v1/records", null, true, 400),
        };
        foreach (var (method, path, template, body, keyed, expected) in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            if (keyed) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            using var response = await host.Client.SendAsync(request);
            var because = $"{method} {path}";
            ((int)response.StatusCode).Should().Be(expected, because);
            var type = response.Content.Headers.ContentType!.MediaType!;
            var answer = schema.Answer(method, template, expected, type);
            answer.Should().NotBeNull($"{because}: {expected} {type} is in the document");
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            schema.Violations(json, answer!.Value).Should().BeEmpty(because);
        }
    }

    [Fact]
    public async Task Requests_generated_from_the_request_schemas_never_make_a_5xx()
    {
        var (host, schema) = await Start();
        await using var running = host;
        var odd = Gen.OneOf<JsonNode?>(
            Gen.Const((JsonNode?)null), Gen.Const<JsonNode?>(JsonValue.Create(true)), Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Double.Select(d => (JsonNode?)JsonValue.Create(double.IsFinite(d) ? d : 0)), Gen.Const<JsonNode?>(new JsonArray()), Gen.Const<JsonNode?>(new JsonObject()),
            Gen.OneOf("", "2021-07-30", "2021-02-30", "9999-12-31", "0001-01-01", "2021-7-30", "e-001", "nobody", "\u0000", "\ud83d\ude00", "\u202etxet",
                new string('x', 5000), "' OR 1=1 --", "../../etc/passwd", "%00", "2021-07-30T00:00:00Z").Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Const<JsonNode?>(new JsonArray("e-001", "e-003")), Gen.Const<JsonNode?>(new JsonArray(1, null, "e-001")),
            Gen.Const<JsonNode?>(JsonNode.Parse("""{"employees":[{"id":"x","unit":"u"}],"units":[{"id":"u","region":"kota-palopo","kind":"dinas"}]}""")),
            Gen.Const<JsonNode?>(JsonNode.Parse("""{"employees":"none","units":7}""")));
        foreach (var operation in new[] { "/v1/decide", "/v1/explain", "/v1/filter" })
        {
            var names = schema.Body("post", operation).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
            // Each declared member: left out or given some value; sometimes a member no schema declares.
            var bodies = Gen.Select(Gen.Bool.Array[names.Length], odd.Array[names.Length], Gen.Bool, odd, (present, values, extra, other) =>
            {
                var body = new JsonObject();
                for (var i = 0; i < names.Length; i++) if (present[i]) body[names[i]] = values[i]?.DeepClone();
                if (extra) body["unexpected"] = other?.DeepClone();
                return body.ToJsonString();
            });
            await Check.SampleAsync(bodies, async body =>
            {
                using var response = await host.Client.PostAsync(operation, new StringContent(body, Encoding.UTF8, "application/json"));
                var status = (int)response.StatusCode;
                status.Should().BeLessThan(500, body);
                var type = response.Content.Headers.ContentType!.MediaType!;
                var answer = schema.Answer("POST", operation, status, type);
                answer.Should().NotBeNull($"{status} {type} for {body}");
                schema.Violations(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, answer!.Value).Should().BeEmpty(body);
            }, iter: 150, threads: 1);
        }
    }
}
