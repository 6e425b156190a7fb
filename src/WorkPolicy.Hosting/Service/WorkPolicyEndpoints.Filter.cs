using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WorkPolicy.Hosting;

// POST /v1/filter: the residual of a date over the known facts, and its SQL (docs/query.md).
public static partial class WorkPolicyEndpoints
{
    private static async Task<IResult> Filter(HttpRequest request, IPolicyProvider provider, IServiceProvider services)
    {
        if (provider.Current is not { } now) return NotReady(provider);
        var (document, bad) = await Body(request).ConfigureAwait(false);
        if (bad is not null) return bad;
        using var parsed = document!;
        var body = parsed.RootElement;
        if (body.ValueKind != JsonValueKind.Object || DateOf(body, "on") is not { } on)
            return Problems.Of(StatusCodes.Status400BadRequest, "on: a date yyyy-mm-dd", "{ \"on\": \"2021-07-30\", \"mode\": \"office\", \"sql\": \"postgres\", \"mapping\": { … } }");
        WorkMode? mode = null;
        if (body.TryGetProperty("mode", out var m))
        {
            mode = m.ValueKind == JsonValueKind.String && WorkModes.TryParse(m.GetString(), out var given) ? given : null;
            if (mode is null) return Problems.Of(StatusCodes.Status400BadRequest, "mode: office, home, rotation, optional, day-off, not-covered or indeterminate");
        }
        SqlDialect? dialect = null;
        if (body.TryGetProperty("sql", out var sql))
        {
            dialect = sql.ValueKind == JsonValueKind.String && SqlDialects.TryParse(sql.GetString(), out var named) ? named : null;
            if (dialect is null) return Problems.Of(StatusCodes.Status400BadRequest, "sql: sqlite or postgres");
            if (mode is null || !body.TryGetProperty("mapping", out var given) || given.ValueKind != JsonValueKind.Object)
                return Problems.Of(StatusCodes.Status400BadRequest, "sql needs mode and mapping", "\"mapping\": { \"employees\": { \"table\": …, \"id\": …, \"unit\": … }, \"fields\": { … } } (docs/query.md)");
        }
        var limits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkPolicyOptions>>().Value.Limits;
        // The employees of inline facts are not read here, but they would be loaded: the same bound as decide's.
        if (InlineOverLimit(body, limits) is { } tooMany) return tooMany;
        var (facts, problem) = FactsOf(body, now);
        if (facts is null) return problem!;
        // The work is a few hundred decisions of synthetic employees per unit: bounded by the units asked about.
        using var time = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted);
        time.CancelAfter(limits.RequestTime);
        Loaded<ResidualDecisions> residual;
        try
        {
            residual = now.Engine.Analysis.Residual(facts, on, time.Token);
        }
        catch (OperationCanceledException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return OverLimit(nameof(WorkPolicyLimits.RequestTime), limits.RequestTime, "the residual of every unit of the facts");
        }
        var result = residual.Value!;
        SqlQuery? query = null;
        if (dialect is { } d)
        {
            // JSON is YAML: the mapping reads as the mapping file does, diagnostics naming the request.
            var mapping = FactsMapping.Parse("request/mapping", body.GetProperty("mapping").GetRawText());
            if (mapping.Value is null) return Problems.Of(StatusCodes.Status400BadRequest, "mapping with errors", null, mapping.Diagnostics);
            var translated = result.ToSql(mode!.Value, mapping.Value, d);
            if (translated.Value is null) return Problems.Of(StatusCodes.Status400BadRequest, "the mapping does not map a field the rules read", null, translated.Diagnostics);
            query = translated.Value;
        }
        return JsonAnswer(w =>
        {
            w.WriteStartObject();
            w.WriteString("revision", now.Revision);
            w.WritePropertyName("residual");
            // The library's record, written by its serializer; one mode's terms when a mode is asked.
            var shown = mode is { } only ? result.Only(only) : result;
            w.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(shown, PolicyJson.Contract<ResidualDecisions>(indented: false)), skipInputValidation: true);
            if (query is not null)
            {
                w.WritePropertyName("sql");
                w.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(query, PolicyJson.Contract<SqlQuery>(indented: false)), skipInputValidation: true);
            }
            w.WriteEndObject();
        });
    }
}
