using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WorkPolicy.Hosting;

// The service's pipeline: problems for defects and refusals, the key, the concurrency bound.
public static partial class WorkPolicyEndpoints
{
    /// <summary>
    /// The service's pipeline, first in it: a defect (an exception no endpoint expected) is a 500 problem, never a
    /// stack trace, and a request the framework refused (bad framing, a body over the limit) its own 4xx problem; the
    /// framework's empty 4xx answers (unknown path, wrong method) get problem bodies; then the key
    /// (<see cref="WorkPolicyOptions.ApiKeys"/>) and the concurrency bound (<see cref="WorkPolicyLimits"/>), both asked by
    /// the endpoints of <see cref="MapWorkPolicyService"/> as metadata. In a <c>WebApplication</c> routing runs first by
    /// itself; elsewhere call it after <c>UseRouting</c>.
    /// </summary>
    /// <example><code>var app = builder.Build(); app.UseWorkPolicyService(); app.MapWorkPolicyService();</code></example>
    public static IApplicationBuilder UseWorkPolicyService(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Defect });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static Task Defect(HttpContext context)
    {
        // Kestrel's own refusal of the request (broken chunked framing, a body past the limit) is the client's, not ours.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException refused)
            return Problems.Of(refused.StatusCode, "the request could not be read", refused.Message).ExecuteAsync(context);
        return Problems.Of(StatusCodes.Status500InternalServerError, "internal error", "a defect of the service, not of the request; it is logged").ExecuteAsync(context);
    }
}
