using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkPolicy.Hosting;

/// <summary>Registers WorkPolicy in a host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPolicyProvider"/> (the rules that answer now, reloaded when their files change), the options
    /// (validated at start), the health check <c>workpolicy</c>, and — when <see cref="WorkPolicyOptions.Records"/> or
    /// <see cref="WorkPolicyOptions.RecordsPostgres"/> is set — the <see cref="DecisionRecorder"/> and its store.
    /// <paramref name="configure"/> is called once more at registration, to see whether records are kept: keep it free
    /// of side effects (it sets options, as options delegates do).
    /// </summary>
    /// <example><code>builder.Services.AddWorkPolicy(o => { o.Rules.Add("rules/"); o.Facts = "staff.facts.yaml"; });</code></example>
    public static IServiceCollection AddWorkPolicy(this IServiceCollection services, Action<WorkPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WorkPolicyOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkPolicyOptions>, WorkPolicyOptionsValidator>();
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<IPolicyProvider>(sp => sp.GetRequiredService<PolicyProvider>());
        services.AddHostedService(sp => sp.GetRequiredService<PolicyProvider>());
        services.AddHealthChecks().AddCheck<WorkPolicyHealthCheck>("workpolicy");
        AddServiceGuards(services);
        // The store is chosen from the options, so an app that keeps no records pays nothing for them.
        var probe = new WorkPolicyOptions();
        configure(probe);
        if (probe.Records is not null || probe.RecordsPostgres is not null)
        {
            services.AddSingleton<IDecisionRecordStore>(sp =>
            {
                var o = sp.GetRequiredService<IOptions<WorkPolicyOptions>>().Value;
                return o.RecordsPostgres is { } pg ? new PostgresRecordStore(pg) : new SqliteRecordStore(o.Records!);
            });
            services.AddSingleton<DecisionRecorder>();
            services.AddHostedService(sp => sp.GetRequiredService<DecisionRecorder>());
            if (probe.Retention is not null) services.AddHostedService<RecordRetention>();
        }
        return services;
    }

    /// <summary>
    /// What the <c>/v1</c> route group asks for as endpoint metadata: the key (an authentication scheme and an
    /// authorization policy, so no spelling of a path reaches an endpoint without it), the concurrency bound (the
    /// shared framework's rate limiter, 429 with <c>Retry-After</c>), and problem documents for the framework's own
    /// empty 4xx answers (unknown path, wrong method).
    /// </summary>
    private static void AddServiceGuards(IServiceCollection services)
    {
        services.AddSingleton<BodyGate>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyAuthentication.Scheme, null);
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<WorkPolicyOptions>>((authorization, options) =>
            authorization.AddPolicy(ApiKeyAuthentication.Scheme, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
                .AddRequirements(new ApiKeyRequirement(open: options.Value.ApiKeys.Count == 0))));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WorkPolicyOptions>>((limiter, options) =>
        {
            var limits = options.Value.Limits;
            limiter.AddConcurrencyLimiter(ApiKeyAuthentication.Scheme, c =>
            {
                c.PermitLimit = limits.MaxConcurrentRequests;
                c.QueueLimit = limits.RequestQueue;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(Problems.Of(StatusCodes.Status429TooManyRequests, "too many requests at once",
                    $"Limits.MaxConcurrentRequests ({limits.MaxConcurrentRequests}) are served and {limits.RequestQueue} wait; retry after a second").ExecuteAsync(context.HttpContext));
            };
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // The framework's own answers (unknown path, wrong method, a query that did not bind) shaped as ours.
            context.ProblemDetails.Type ??= $"https://workpolicy.invalid/problems/{context.ProblemDetails.Status}";
            context.ProblemDetails.Extensions.TryAdd("diagnostics", Array.Empty<object>());
        });
    }
}
