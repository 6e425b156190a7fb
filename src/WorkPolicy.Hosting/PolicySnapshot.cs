using NodaTime;

namespace WorkPolicy.Hosting;

/// <summary>The rules (and facts) that answer now: swapped whole on a reload, so a request sees one or the other.</summary>
/// <param name="Engine">The rules.</param>
/// <param name="Facts">The facts file's employees, or null without one.</param>
/// <param name="Revision">The rules' revision (<see cref="PolicyEngine.Revision"/>).</param>
/// <param name="LoadedAt">When these rules were loaded.</param>
public sealed record PolicySnapshot(PolicyEngine Engine, PolicyFacts? Facts, string Revision, Instant LoadedAt);

/// <summary>How the last load or reload went.</summary>
/// <param name="At">When it was tried.</param>
/// <param name="Ok">Whether the rules it read answer now (false: the last good ones still do).</param>
/// <param name="Revision">The revision that answers after it, or null before any rules loaded.</param>
/// <param name="Diagnostics">What the load reported (errors when refused).</param>
public sealed record ReloadOutcome(Instant At, bool Ok, string? Revision, ValueList<Diagnostic> Diagnostics);
