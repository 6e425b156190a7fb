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
        }
        return services;
    }
}
