using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace WorkPolicy.Hosting;

/// <summary>
/// Purges records older than <see cref="WorkPolicyOptions.Retention"/> at start and then every hour: they hold
/// personal facts, kept no longer than the configured time.
/// </summary>
internal sealed class RecordRetention(DecisionRecorder recorder, IOptions<WorkPolicyOptions> options, ILogger<RecordRetention> logger, IClock? clock = null) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Retention is not { } keep) return;
        var now = clock ?? SystemClock.Instance;
        // The recorder's StartAsync made the schema; a hosted service starts after those registered before it.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await recorder.Store.PurgeAsync(now.GetCurrentInstant() - Duration.FromTimeSpan(keep), stoppingToken).ConfigureAwait(false);
                if (purged > 0) Log.RecordsPurged(logger, purged, keep);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                Log.RecordsFailed(logger, ex);
            }
            try
            {
                await Task.Delay(Every, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
