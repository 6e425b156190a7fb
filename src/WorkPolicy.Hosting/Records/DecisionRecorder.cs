using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkPolicy.Hosting;

/// <summary>
/// Writes decision records in groups (group commit): requests put their records in a bounded queue and wait; a
/// writer takes everything queued and commits it in one transaction, so a hundred concurrent requests cost one sync,
/// not a hundred (one writer for SQLite; several for PostgreSQL, <see cref="IDecisionRecordStore.ConcurrentWriters"/>). A request is answered once its records are durable — or, under <see cref="RecordOverflow.Drop"/>
/// with the queue full, at once, saying they were dropped. Stopping the host writes what is queued first.
/// </summary>
public sealed class DecisionRecorder : IHostedService, IAsyncDisposable
{
    private const int MaxBatch = 1024;
    private readonly IDecisionRecordStore _store;
    private readonly WorkPolicyOptions _options;
    private readonly ILogger<DecisionRecorder> _logger;
    private readonly Channel<(DecisionRecord Record, TaskCompletionSource Durable)> _queue;
    private Task[] _writers = [];

    /// <summary>A recorder writing to <paramref name="store"/>.</summary>
    public DecisionRecorder(IDecisionRecordStore store, IOptions<WorkPolicyOptions> options, ILogger<DecisionRecorder> logger)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<(DecisionRecord, TaskCompletionSource)>(new BoundedChannelOptions(_options.RecordQueue) { SingleReader = store.ConcurrentWriters == 1, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The store the records go to.</summary>
    public IDecisionRecordStore Store => _store;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _writers = [.. Enumerable.Range(0, Math.Max(1, _store.ConcurrentWriters)).Select(StartWriter)];
    }

    /// <summary>
    /// Queues <paramref name="records"/> and waits until they are durable: true; false when the queue was full and the
    /// policy is to drop (nothing of them is written then).
    /// </summary>
    /// <exception cref="IOException">The store could not write them.</exception>
    public async Task<bool> RecordAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var waits = new Task[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_options.WhenRecordsFull == RecordOverflow.Drop)
            {
                if (!_queue.Writer.TryWrite((records[i], durable)))
                {
                    WorkPolicyTelemetry.RecordsDropped.Add(records.Count - i);
                    Log.RecordsDropped(_logger, _options.RecordQueue);
                    // Those queued before go on to be written; the answer says the request's records are not all kept.
                    await Task.WhenAll(waits.Take(i)).ConfigureAwait(false);
                    return false;
                }
            }
            else
            {
                await _queue.Writer.WriteAsync((records[i], durable), cancellationToken).ConfigureAwait(false);
            }
            waits[i] = durable.Task;
        }
        await Task.WhenAll(waits).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A writer on a thread of its own, not the thread pool's: woken by the queue directly, it commits while the pool is
    /// busy answering instead of waiting its turn behind the very requests that wait for it (under load on two cores
    /// that wait was a third of a batch's time: 14k → 17k answers/s).
    /// </summary>
    private Task StartWriter(int number)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                WriteLoop();
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        { IsBackground = true, Name = $"WorkPolicy records {number}" };
        thread.Start();
        return done.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<(DecisionRecord Record, TaskCompletionSource Durable)>(MaxBatch);
        // Blocking waits on purpose: this thread does nothing else (see StartWriter).
        while (WaitForRecords())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                _store.WriteAsync([.. batch.Select(b => b.Record)]).GetAwaiter().GetResult();
                foreach (var (_, durable) in batch) durable.TrySetResult();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.RecordsFailed(_logger, ex);
                var failure = new IOException("the decision records could not be written", ex);
                foreach (var (_, durable) in batch) durable.TrySetException(failure);
            }
            batch.Clear();
        }
    }

    private bool WaitForRecords()
    {
        var wait = _queue.Reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Every record of an answered request is written before the host stops.
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
