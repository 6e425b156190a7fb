using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WorkPolicy.Hosting;

// A request's body read within the bounds: its size, its text, the work it asks for.
public static partial class WorkPolicyEndpoints
{
    /// <summary>
    /// The request body as JSON, or the problem: 413 past the limit, 400 for what is not JSON, for a body the server
    /// could not read (broken framing), and for strings that are not text (invalid UTF-8, an unpaired surrogate).
    /// </summary>
    private static async Task<(JsonDocument? Body, IResult? Problem)> Body(HttpRequest request)
    {
        var services = request.HttpContext.RequestServices;
        var limits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkPolicyOptions>>().Value.Limits;
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = Math.Min(size.MaxRequestBodySize ?? long.MaxValue, limits.MaxBodyBytes);
        if (request.ContentLength > limits.MaxBodyBytes)
            return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "the body is over the limit", $"{request.ContentLength} bytes; MaxBodyBytes is {limits.MaxBodyBytes}"));
        // A large body is parsed a few at a time: memory is bounded by the gate, not by the number of clients.
        var large = request.ContentLength is not { } length || length > BodyGate.Small;
        var gate = large ? services.GetRequiredService<BodyGate>() : null;
        if (gate is not null) await gate.Wait(request.HttpContext.RequestAborted).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false }, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problems.Of(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the body is over the limit" : "the body could not be read", ex.Message));
        }
        catch (JsonException ex)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "the body is not JSON", $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message.Split(" Path:")[0]}"));
        }
        finally
        {
            gate?.Release();
        }
        if (BodyText.FirstUnreadable(document.RootElement) is { } where)
        {
            document.Dispose();
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "the body has a string that is not text", $"at {Problems.Echo(where)}: invalid UTF-8 or an unpaired surrogate (\\ud800-\\udfff)"));
        }
        return (document, null);
    }

    /// <summary>422 naming the bound a request went over, with its value and what the request asked.</summary>
    private static IResult OverLimit<T>(string bound, T value, string asked) =>
        Problems.Of(StatusCodes.Status422UnprocessableEntity, $"over the bound {bound}",
            $"{asked}; {bound} is {value} per request (WorkPolicyOptions.Limits): split the request");

    /// <summary>The inline employees' bound, counted before the facts are read.</summary>
    private static IResult? InlineOverLimit(JsonElement body, WorkPolicyLimits limits) =>
        body.TryGetProperty("facts", out var inline) && inline.ValueKind == JsonValueKind.Object
            && inline.TryGetProperty("employees", out var given) && given.ValueKind == JsonValueKind.Array && given.GetArrayLength() > limits.MaxInlineEmployees
            ? OverLimit(nameof(WorkPolicyLimits.MaxInlineEmployees), limits.MaxInlineEmployees, $"{given.GetArrayLength()} employees inline")
            : null;
}
