using System.Collections.Concurrent;
using WorkPolicy.Facts;

namespace WorkPolicy.Facts;

/// <summary>
/// Reads blocks of employees ahead, on a thread of its own, up to a few blocks: the reading goes on while the caller
/// decides a block and its consumer writes the decisions, and stops when they fall behind. Disposing stops it and
/// waits it out, so what it reads from is never closed under it.
/// </summary>
internal sealed class BlocksAhead : IDisposable
{
    private readonly BlockingCollection<List<EmployeeFacts>> _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    /// <summary>Starts reading with <paramref name="next"/> (an empty block: the end), at most <paramref name="depth"/> blocks ahead.</summary>
    public BlocksAhead(Func<List<EmployeeFacts>> next, int depth)
    {
        _ready = new BlockingCollection<List<EmployeeFacts>>(depth);
        _reading = Task.Factory.StartNew(() =>
        {
            try
            {
                for (var block = next(); block.Count > 0; block = next()) _ready.Add(block, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The caller stopped reading.
            }
            finally
            {
                _ready.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The next block, or an empty one at the end; what the reading met (a defect) is thrown here.</summary>
    public List<EmployeeFacts> Take()
    {
        if (_ready.TryTake(out var block, Timeout.Infinite)) return block;
        _reading.GetAwaiter().GetResult();
        return [];
    }

    /// <summary>Stops the reading and waits it out.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _reading.Wait();
        }
        catch (AggregateException)
        {
            // The caller stopped reading; what the abandoned block met is of no use to it.
        }
        _ready.Dispose();
        _stop.Dispose();
    }
}
