using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NodaTime;

namespace WorkPolicy.Hosting;

/// <summary>
/// Loads the rules and facts of <see cref="WorkPolicyOptions"/>, watches their files and reloads after an edit has
/// settled (<see cref="WorkPolicyOptions.Debounce"/>). A reload with errors keeps the last good rules answering and
/// exposes its diagnostics (<see cref="LastReload"/>); facts are kept across a reload when the new rules read them
/// alike (<see cref="PolicyEngine.Accepts"/>), re-read otherwise or when their file changed.
/// </summary>
internal sealed class PolicyProvider : IPolicyProvider, IHostedService, IDisposable
{
    private readonly WorkPolicyOptions _options;
    private readonly ILogger<PolicyProvider> _logger;
    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private Timer? _debounce;
    private PolicySnapshot? _current;
    private ReloadOutcome? _last;
    private CancellationTokenSource _changed = new();
    private DateTime _factsWritten;

    public PolicyProvider(IOptions<WorkPolicyOptions> options, ILogger<PolicyProvider> logger, IClock? clock = null)
    {
        _options = options.Value;
        _logger = logger;
        _clock = clock ?? SystemClock.Instance;
    }

    public PolicySnapshot? Current => Volatile.Read(ref _current);

    public ReloadOutcome? LastReload => Volatile.Read(ref _last);

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Watch)
        {
            _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            // The configured paths are watched from the start, so rules that fail to load are reloaded when mended.
            lock (_gate) Watch([.. _options.Rules, .. _options.Facts is { } f ? [f] : Array.Empty<string>()]);
        }
        Reload();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var w in _watchers) w.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public ReloadOutcome Reload()
    {
        lock (_gate)
        {
            using var activity = WorkPolicyTelemetry.Activities.StartActivity("workpolicy.load");
            var started = Stopwatch.GetTimestamp();
            var previous = _current;
            var loaded = PolicyEngine.Load(_options.Rules, LoadOptions.Strict with { Compiled = _options.CompiledRules });
            var diagnostics = loaded.Diagnostics.ToList();
            PolicySnapshot? next = null;
            if (loaded.Value is { } engine)
            {
                var facts = previous?.Facts;
                var factsFile = _options.Facts;
                var written = factsFile is null ? default : File.GetLastWriteTimeUtc(factsFile);
                if (factsFile is not null && (facts is null || written != _factsWritten || !engine.Accepts(facts)))
                {
                    var read = engine.Facts.Load(factsFile);
                    diagnostics.AddRange(read.Diagnostics);
                    facts = read.Value;
                    _factsWritten = written;
                }
                if (factsFile is null || facts is not null) next = new PolicySnapshot(engine, facts, engine.Revision, _clock.GetCurrentInstant());
            }
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            WorkPolicyTelemetry.LoadTime.Record(elapsed);
            if (next is null)
            {
                WorkPolicyTelemetry.ReloadFailures.Add(1);
                var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
                // Before any rules answered, nothing "keeps answering": say that instead of naming a revision of null.
                if (previous is null) Log.FirstLoadRefused(_logger, errors.Count, errors.FirstOrDefault()?.ToString() ?? "no rules");
                else Log.ReloadRefused(_logger, previous.Revision, errors.Count, errors.FirstOrDefault()?.ToString() ?? "no rules");
                return Publish(new ReloadOutcome(_clock.GetCurrentInstant(), false, previous?.Revision, [.. diagnostics]), null);
            }
            WorkPolicyTelemetry.Reloads.Add(1);
            // The folders of every file the rules were read from: a vocabulary above the rules' folder too.
            if (_options.Watch) Watch(next.Engine.SourcePaths);
            if (previous is null) Log.Loaded(_logger, next.Revision, next.Engine.Circulars.Count, next.Facts?.Employees.Count ?? 0, elapsed);
            else Log.Reloaded(_logger, next.Revision, previous.Revision, ReferenceEquals(next.Facts, previous.Facts) ? "kept" : "re-read", elapsed);
            return Publish(new ReloadOutcome(next.LoadedAt, true, next.Revision, [.. diagnostics]), next);
        }
    }

    private ReloadOutcome Publish(ReloadOutcome outcome, PolicySnapshot? next)
    {
        Volatile.Write(ref _last, outcome);
        if (next is not null) Volatile.Write(ref _current, next);
        // The change token fires for a reload of either kind: the rules, or what is known of the last reload.
        var fired = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        fired.Cancel();
        fired.Dispose();
        return outcome;
    }

    /// <summary>Watches the folders of <paramref name="paths"/> not watched yet (a reload may read a file from a new folder).</summary>
    private void Watch(IEnumerable<string> paths)
    {
        // One watcher per folder: a folder of rules, or the folder of a file (editors save by replacing the file).
        foreach (var folder in paths.Select(Path.GetFullPath).Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder) || _watchers.Any(w => w.Path == folder)) continue;
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // A file beside the rules that is neither rules nor the facts (a backup, a lock file) is no reason to reload.
        var name = e.FullPath;
        if (!name.EndsWith(".wp", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return;
        _debounce?.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _debounce?.Dispose();
        _changed.Dispose();
    }
}
