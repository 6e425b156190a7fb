using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WorkPolicy.Hosting;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>WorkPolicy</c>: decisions, reloads, reload failures
/// and load time. OpenTelemetry or <c>dotnet-counters</c> listen by that name.
/// </summary>
public static class WorkPolicyTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "WorkPolicy";

    /// <summary>Activities: <c>workpolicy.load</c>, <c>workpolicy.decide</c>.</summary>
    public static ActivitySource Activities { get; } = new(Name);

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(Name);

    internal static Counter<long> Decisions { get; } = Meter.CreateCounter<long>("workpolicy.decisions", description: "Decisions answered");
    internal static Counter<long> Reloads { get; } = Meter.CreateCounter<long>("workpolicy.reloads", description: "Rule loads that answer now");
    internal static Counter<long> ReloadFailures { get; } = Meter.CreateCounter<long>("workpolicy.reload_failures", description: "Rule loads refused (the last good rules kept)");
    internal static Histogram<double> LoadTime { get; } = Meter.CreateHistogram<double>("workpolicy.load_time", unit: "ms", description: "Time to load and check the rules and facts");
    internal static Counter<long> RecordsDropped { get; } = Meter.CreateCounter<long>("workpolicy.records_dropped", description: "Decision records dropped under the 'drop when full' policy");
}
