using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using WorkPolicy.Hosting.Contract;
using Microsoft.AspNetCore.Http.Metadata;

namespace WorkPolicy.Hosting;

/// <summary>
/// The decision service's endpoints (docs/service.md): <c>GET /health</c>, <c>GET /v1/rules</c>, <c>POST /v1/decide</c>,
/// <c>GET /v1/decisions/{employee}</c>, <c>POST /v1/explain</c>, <c>POST /v1/filter</c>, <c>GET /v1/records</c>. Decisions have the JSON shape
/// of docs/decisions.md, each with a <c>record</c> id when records are kept; errors are RFC 7807 problem details with
/// the WP diagnostics <c>check</c> prints. Every answer is a call of the public library on the rules that answer now.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddWorkPolicy(o => o.Rules.Add("rules/"));
/// var app = builder.Build();
/// app.MapWorkPolicyService();
/// </code>
/// </example>
public static partial class WorkPolicyEndpoints
{

    /// <summary>Maps the service's endpoints onto <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapWorkPolicyService(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", Health).WithName("health").WithSummary("Whether rules answer, their revision and the last reload")
            .WithTags("health").Produces<HealthAnswer>().Produces<HealthAnswer>(StatusCodes.Status503ServiceUnavailable);
        app.MapMethods("/health", HeadOnly, Health).ExcludeFromDescription();
        // The key and the concurrency bound are the group's metadata: whatever spelling routing matched, they are asked.
        var v1 = app.MapGroup("/v1").RequireAuthorization(ApiKeyAuthentication.Scheme).RequireRateLimiting(ApiKeyAuthentication.Scheme)
            .WithTags("decisions");
        Problem(v1, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable);
        v1.MapGet("/rules", RulesNow).WithName("rules").WithSummary("The revision, the circulars with their versions, the last load's diagnostics")
            .Produces<RulesAnswer>();
        v1.MapMethods("/rules", HeadOnly, RulesNow).ExcludeFromDescription();
        Problem(v1.MapPost("/decide", Decide).WithName("decide").WithSummary("Decisions for employees of --facts or of facts given inline, on a date or a range")
            .Produces<DecideAnswer>(),
            StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        Problem(v1.MapGet("/decisions/{employee}", DecideOne).WithName("decision").WithSummary("One decision of an employee of --facts")
            .Produces<DecisionDoc>(), StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        v1.MapMethods("/decisions/{employee}", HeadOnly, DecideOne).ExcludeFromDescription();
        Problem(v1.MapPost("/explain", Explain).WithName("explain").WithSummary("A decision with its trace and what would change it")
            .Produces<ExplainAnswer>(),
            StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        Problem(v1.MapPost("/filter", Filter).WithName("filter").WithSummary("Who gets a mode on a date, as conditions over employee fields or as SQL over the HR system's tables (docs/query.md)")
            .Produces<FilterAnswer>(),
            StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        Problem(v1.MapGet("/records", Records).WithName("records").WithSummary("The kept records, newest first, paged")
            .Produces<RecordsAnswer>(), StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        v1.MapMethods("/records", HeadOnly, Records).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The method of the endpoints mapped beside each GET: answered as GET is — the key, the bound, the status and
    /// headers — with no body, which Kestrel leaves out of a HEAD answer itself (RFC 9110 §9.3.2: a server answering GET
    /// answers HEAD; load balancers probe with it). Each is mapped with its handler named at the call, which the request
    /// delegate generator resolves at build time (Native AOT); left out of the OpenAPI document, where it would be a
    /// second operation of the same name.
    /// </summary>
    private static readonly string[] HeadOnly = [HttpMethods.Head];

    /// <summary>Says in the OpenAPI document that <paramref name="builder"/>'s endpoints answer these statuses with a problem document.</summary>
    private static void Problem(IEndpointConventionBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDoc), ["application/problem+json"]));
    }

    private static ReloadDoc? LastReload(IPolicyProvider provider) => provider.LastReload is { } last
        ? new ReloadDoc(InstantPattern.ExtendedIso.Format(last.At), last.Ok, [.. last.Diagnostics.Select(Problems.Diagnostic)])
        : null;

    private static IResult Health(IPolicyProvider provider) => provider.Current is { } now
        ? Results.Json(new HealthAnswer("ok", now.Revision, [.. now.Engine.Circulars], LastReload(provider)), ServiceJson.Relaxed.HealthAnswer)
        : Results.Json(new HealthAnswer("unavailable", null, [], LastReload(provider)), ServiceJson.Relaxed.HealthAnswer, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult RulesNow(IPolicyProvider provider)
    {
        if (provider.Current is not { } now) return NotReady(provider);
        CircularVersionsDoc[] circulars = [.. now.Engine.Versions.GroupBy(v => v.Circular).Select(g => new CircularVersionsDoc(g.Key,
            [.. g.Select(v => new CircularPeriodDoc(Day(v.From), v.To is { } t ? Day(t) : null, [.. v.AmendedBy], v.ExtendedBy))]))];
        DiagnosticDoc[]? diagnostics = provider.LastReload is { } last ? [.. last.Diagnostics.Select(Problems.Diagnostic)] : null;
        return Results.Json(new RulesAnswer(now.Revision, InstantPattern.ExtendedIso.Format(now.LoadedAt), circulars, diagnostics), ServiceJson.Relaxed.RulesAnswer);
    }

    private static string Day(LocalDate d) => LocalDatePattern.Iso.Format(d);

    private static IResult NotReady(IPolicyProvider provider) =>
        Problems.Of(StatusCodes.Status503ServiceUnavailable, "no rules loaded yet", "GET /health shows the last load's diagnostics", provider.LastReload?.Diagnostics);

    /// <summary>The facts of a request: given inline (read as a facts file is), else the service's <c>--facts</c>.</summary>
    private static (PolicyFacts? Facts, IResult? Problem) FactsOf(JsonElement body, PolicySnapshot now)
    {
        if (!body.TryGetProperty("facts", out var inline)) return now.Facts is { } facts ? (facts, null)
            : (null, Problems.Of(StatusCodes.Status400BadRequest, "no facts", "give \"facts\" in the body, or start the service with --facts"));
        // Read by the one facts loader, diagnostics naming the record and field (request/employees[x].position).
        var read = now.Engine.Facts.Read("request", inline);
        return read.Value is { } given ? (given, null) : (null, Problems.Of(StatusCodes.Status400BadRequest, "facts with errors", null, read.Diagnostics.Where(d => d.Severity == Severity.Error)));
    }

    private static LocalDate? DateOf(JsonElement body, string key) =>
        body.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? Date(v.GetString()) : null;

    /// <summary>A date written yyyy-mm-dd, or null: how every date of a request or query is read.</summary>
    private static LocalDate? Date(string? text) => text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } d ? d.Value : null;

    private static async Task<IResult> Decide(HttpRequest request, IPolicyProvider provider, IServiceProvider services)
    {
        if (provider.Current is not { } now) return NotReady(provider);
        var (document, bad) = await Body(request).ConfigureAwait(false);
        if (bad is not null) return bad;
        // The parsed body is used in place (no copy) and given back when the answer is made.
        using var parsed = document!;
        var body = parsed.RootElement;
        if (body.ValueKind != JsonValueKind.Object) return Problems.Of(StatusCodes.Status400BadRequest, "the body is not an object", "{ \"on\": \"2021-07-30\", \"employees\": [\"e-001\"] }");
        // One day or a range, not both: which of them was meant is not known.
        if (body.TryGetProperty("on", out _) && (body.TryGetProperty("from", out _) || body.TryGetProperty("to", out _)))
            return Problems.Of(StatusCodes.Status400BadRequest, "both a day and a range", "give \"on\", or \"from\" and \"to\", not both");
        var (from, to) = DateOf(body, "on") is { } on ? (on, on) : (DateOf(body, "from"), DateOf(body, "to"));
        if (from is not { } first || to is not { } last || last < first || Period.Between(first, last, PeriodUnits.Days).Days > 366)
            return Problems.Of(StatusCodes.Status400BadRequest, "no usable date", "give \"on\": a date yyyy-mm-dd, or \"from\" and \"to\" (at most a year apart)");
        var limits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkPolicyOptions>>().Value.Limits;
        if (InlineOverLimit(body, limits) is { } tooMany) return tooMany;
        var days = Period.Between(first, last, PeriodUnits.Days).Days + 1;
        // Counted before the facts are read: a list of a million ids is refused without a decision made.
        if (body.TryGetProperty("employees", out var asked) && asked.ValueKind == JsonValueKind.Array && (long)asked.GetArrayLength() * days > limits.MaxDecisionsPerRequest)
            return OverLimit(nameof(WorkPolicyLimits.MaxDecisionsPerRequest), limits.MaxDecisionsPerRequest, $"{asked.GetArrayLength()} employees × {days} day(s)");
        var (facts, problem) = FactsOf(body, now);
        if (facts is null) return problem!;
        IReadOnlyList<string> employees;
        if (body.TryGetProperty("employees", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                return Problems.Of(StatusCodes.Status400BadRequest, "employees: a list of ids");
            employees = [.. list.EnumerateArray().Select(e => e.GetString()!)];
        }
        else if (body.TryGetProperty("facts", out _)) employees = facts.Employees;
        else return Problems.Of(StatusCodes.Status400BadRequest, "no employees", "give \"employees\": [ids of --facts], or \"facts\" inline");
        if ((long)employees.Count * days > limits.MaxDecisionsPerRequest)
            return OverLimit(nameof(WorkPolicyLimits.MaxDecisionsPerRequest), limits.MaxDecisionsPerRequest, $"{employees.Count} employees × {days} day(s)");
        if (employees.FirstOrDefault(e => !facts.Contains(e)) is { } stranger)
            return Problems.Of(StatusCodes.Status404NotFound, "unknown employee", $"employee '{Problems.Echo(stranger)}' is not in the facts");
        var decisions = new List<Decision>(employees.Count * days);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using (WorkPolicyTelemetry.Activities.StartActivity("workpolicy.decide"))
        {
            foreach (var e in employees)
            {
                // By count, not "d <= last; d = d.PlusDays(1)": the day after 9999-12-31 does not exist.
                for (var d = 0; d < days; d++) decisions.Add(now.Engine.Decide(facts, e, first.PlusDays(d)));
                request.HttpContext.RequestAborted.ThrowIfCancellationRequested();
                if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limits.RequestTime)
                    return OverLimit(nameof(WorkPolicyLimits.RequestTime), limits.RequestTime, $"{decisions.Count} of {employees.Count * days} decisions made");
            }
        }
        WorkPolicyTelemetry.Decisions.Add(decisions.Count);
        return await Answer(now, facts, decisions, services, request.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> DecideOne(string employee, string? on, IPolicyProvider provider, IServiceProvider services, HttpContext context)
    {
        if (provider.Current is not { } now) return NotReady(provider);
        if (Date(on) is not { } date) return Problems.Of(StatusCodes.Status400BadRequest, "on: a date yyyy-mm-dd");
        if (now.Facts is not { } facts) return Problems.Of(StatusCodes.Status400BadRequest, "no facts", "start the service with --facts, or POST /v1/decide with facts inline");
        if (!now.Engine.TryDecide(facts, employee, date, out var decision)) return Problems.Of(StatusCodes.Status404NotFound, "unknown employee", $"employee '{Problems.Echo(employee)}' is not in the facts");
        WorkPolicyTelemetry.Decisions.Add(1);
        var answer = await Answered(now, facts, [decision], services, context.RequestAborted).ConfigureAwait(false);
        return answer.Problem ?? Results.Text(answer.Decisions![0], "application/json");
    }

    /// <summary>The decisions as answered: with their record ids once durable (or saying they were dropped).</summary>
    private static async Task<IResult> Answer(PolicySnapshot now, PolicyFacts facts, List<Decision> decisions, IServiceProvider services, CancellationToken cancel)
    {
        var answer = await Answered(now, facts, decisions, services, cancel).ConfigureAwait(false);
        if (answer.Problem is not null) return answer.Problem;
        return JsonAnswer(w =>
        {
            w.WriteStartObject();
            w.WriteString("revision", now.Revision);
            w.WriteStartArray("decisions");
            // Each as the library wrote it (and the record kept it): placed, not written again.
            foreach (var decision in answer.Decisions!) w.WriteRawValue(decision, skipInputValidation: true);
            w.WriteEndArray();
            if (answer.Dropped) w.WriteString("records", "dropped: the record queue was full");
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Each decision's JSON as the library writes it (docs/decisions.md), on one line, with <c>"record"</c> added once its
    /// record is durable. The record keeps the very text answered, written once.
    /// </summary>
    private static async Task<(List<string>? Decisions, bool Dropped, IResult? Problem)> Answered(PolicySnapshot now, PolicyFacts facts, List<Decision> decisions, IServiceProvider services, CancellationToken cancel)
    {
        if (services.GetService<DecisionRecorder>() is not { } recorder) return ([.. decisions.Select(d => PolicyJson.Serialize(d, indented: false))], false, null);
        var at = (services.GetService<IClock>() ?? SystemClock.Instance).GetCurrentInstant();
        var records = decisions.Select(d => DecisionRecord.Of(now.Engine, facts, d, at)).ToList();
        try
        {
            var durable = await recorder.RecordAsync(records, cancel).ConfigureAwait(false);
            return ([.. records.Select(r => durable ? WithRecord(r.Decision, r.Id) : r.Decision)], !durable, null);
        }
        catch (IOException ex)
        {
            // No answer without its record: the caller may retry.
            return (null, false, Problems.Of(StatusCodes.Status503ServiceUnavailable, "the decision records could not be written", ex.InnerException?.Message ?? ex.Message));
        }
    }

    /// <summary>A decision object's JSON with <c>"record": id</c> as its last member.</summary>
    private static string WithRecord(string decision, string id)
    {
        var close = decision.LastIndexOf('}');
        return string.Concat(decision.AsSpan(0, close), ",\"record\":\"", JsonEncodedText.Encode(id).ToString(), "\"}");
    }

    private static async Task<IResult> Explain(HttpRequest request, IPolicyProvider provider, IServiceProvider services)
    {
        if (provider.Current is not { } now) return NotReady(provider);
        var (document, bad) = await Body(request).ConfigureAwait(false);
        if (bad is not null) return bad;
        using var parsed = document!;
        var body = parsed.RootElement;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("employee", out var e) || e.ValueKind != JsonValueKind.String || DateOf(body, "on") is not { } on)
            return Problems.Of(StatusCodes.Status400BadRequest, "employee and on", "{ \"employee\": \"e-001\", \"on\": \"2021-07-30\" }");
        if (InlineOverLimit(body, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkPolicyOptions>>().Value.Limits) is { } tooMany) return tooMany;
        var (facts, problem) = FactsOf(body, now);
        if (facts is null) return problem!;
        if (!facts.Contains(e.GetString()!)) return Problems.Of(StatusCodes.Status404NotFound, "unknown employee", $"employee '{Problems.Echo(e.GetString()!)}' is not in the facts");
        // The explanation carries its revision: written as the library writes it, one serializer for both.
        var x = now.Engine.Explain(facts, e.GetString()!, on);
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(x, PolicyJson.Contract<Explanation>(indented: false)), "application/json");
    }

    private static async Task<IResult> Records(HttpContext context, IServiceProvider services)
    {
        if (services.GetService<DecisionRecorder>() is not { } recorder) return Problems.Of(StatusCodes.Status404NotFound, "no records are kept", "start the service with --records or --records-postgres");
        const int PageSize = 100;
        var query = RecordsQuery.Read(context.Request.Query, PageSize);
        if (query.Problem is { } wrong) return Problems.Of(StatusCodes.Status400BadRequest, "a query value that does not parse", wrong);
        var number = query.Page;
        IReadOnlyList<DecisionRecord> found;
        try
        {
            found = await recorder.Store.ReadAsync(query.Query!, context.RequestAborted).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // The store cannot give its records now (a SQLite copy that keeps failing): the caller may retry, as decide's.
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "the decision records cannot be read now", ex.Message);
        }
        return JsonAnswer(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("page", number);
            w.WriteNumber("pageSize", PageSize);
            w.WriteStartArray("records");
            foreach (var r in found) RecordJson.Write(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>A 200 answer of the JSON <paramref name="write"/> writes, quotes and letters as the library writes them.</summary>
    private static IResult JsonAnswer(Action<Utf8JsonWriter> write)
    {
        var answer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(answer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) write(w);
        return Results.Bytes(answer.WrittenMemory.ToArray(), "application/json");
    }
}
