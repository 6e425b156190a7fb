using Microsoft.Extensions.Options;

namespace WorkPolicy.Hosting;

/// <summary>
/// Lets <see cref="WorkPolicyLimits.LargeBodiesAtOnce"/> large request bodies be parsed at once: parsing holds the body
/// and its token index in memory, so the gate, not the number of clients, bounds what parsing takes.
/// </summary>
internal sealed class BodyGate(IOptions<WorkPolicyOptions> options) : IDisposable
{
    /// <summary>Bodies up to this size pass without waiting (one decision's request is a few hundred bytes).</summary>
    public const long Small = 64 * 1024;

    private readonly SemaphoreSlim _turns = new(options.Value.Limits.LargeBodiesAtOnce, options.Value.Limits.LargeBodiesAtOnce);

    public Task Wait(CancellationToken cancellationToken) => _turns.WaitAsync(cancellationToken);

    public void Release() => _turns.Release();

    public void Dispose() => _turns.Dispose();
}
