using Microsoft.Extensions.Primitives;

namespace WorkPolicy.Hosting;

/// <summary>
/// The rules that answer now, and a change token that fires when they change — the <c>IOptionsMonitor</c> /
/// <c>IChangeToken</c> pattern: read <see cref="Current"/> per request; watch <see cref="GetChangeToken"/> (or use
/// <c>ChangeToken.OnChange</c>) to react to a reload.
/// </summary>
/// <example>
/// <code>
/// app.MapGet("/mode/{id}", (string id, IPolicyProvider rules) =>
///     rules.Current is { Facts: { } facts } now ? now.Engine.Decide(facts, id, today).Mode.ToString() : "not ready");
/// ChangeToken.OnChange(rules.GetChangeToken, () => logger.LogInformation("rules now {Revision}", rules.Current?.Revision));
/// </code>
/// </example>
public interface IPolicyProvider
{
    /// <summary>The rules and facts that answer now; null until the first load succeeds.</summary>
    PolicySnapshot? Current { get; }

    /// <summary>How the last load or reload went (a broken edit: <c>Ok</c> false, its diagnostics, the last good revision).</summary>
    ReloadOutcome? LastReload { get; }

    /// <summary>A token that fires at the next change of <see cref="Current"/>.</summary>
    IChangeToken GetChangeToken();

    /// <summary>Loads the files now (what the watcher does after an edit); returns how it went.</summary>
    ReloadOutcome Reload();
}
