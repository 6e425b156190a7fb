using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WorkPolicy.Hosting;

/// <summary>Healthy while rules answer: reports the live revision and how the last reload went (a refused edit is degraded).</summary>
internal sealed class WorkPolicyHealthCheck(IPolicyProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        if (provider.Current is { } now) data["revision"] = now.Revision;
        if (provider.LastReload is { } last)
        {
            data["lastReload"] = last.At.ToString();
            data["lastReloadOk"] = last.Ok;
        }
        return Task.FromResult(provider.Current is null ? HealthCheckResult.Unhealthy("no rules loaded", data: data)
            : provider.LastReload is { Ok: false } ? HealthCheckResult.Degraded("the last edit was refused; the last good rules answer", data: data)
            : HealthCheckResult.Healthy($"revision {provider.Current.Revision}", data));
    }
}
