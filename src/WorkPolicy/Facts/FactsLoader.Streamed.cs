using System.Collections.Immutable;
using WorkPolicy.Yaml;
using WorkPolicy.Diagnostics;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Facts;

internal sealed partial class FactsLoader
{
    /// <summary>The keys whose facts every decision may read: they must be known before an employee is decided.</summary>
    private static readonly string[] HeadKeys = ["calendar", "regions", "units", "incidents"];

    // Set once the employees are streamed: the facts before them, and where each employee goes.
    private FactsHead? _head;
    private Action<EmployeeFacts>? _streamed;
    private Func<IReadOnlySet<string>?>? _laterKeys;

    /// <summary>
    /// A loader for a stream: as the employees begin, the facts before them are read, and each employee that reads
    /// cleanly goes to <paramref name="handOut"/> — unless a key decisions read may still come after the employees
    /// (<paramref name="laterKeys"/> tells the top-level keys after them, or null when the stream cannot be looked
    /// ahead in), in which case the employees are kept, as a whole load keeps them.
    /// </summary>
    public static FactsLoader ForStream(string path, Vocabulary? rules, List<Diagnostic> diagnostics, Action<EmployeeFacts> handOut, Func<IReadOnlySet<string>?> laterKeys, bool keep = false) =>
        new(path, rules, diagnostics, streamed: true) { _streamed = handOut, _laterKeys = laterKeys, _keep = keep };

    // Whether the employees are kept whatever follows them: the rules read what all of a unit's employees hold.
    private bool _keep;

    /// <summary>The list stream of this loader: employees mapped as they complete, handed out and forgotten.</summary>
    public ItemStream EmployeeStream(bool json) =>
        new("employees", AddEmployee, json ? TryAddJsonEmployee : null) { OnStart = BeginEmployees, Forget = _streamed is not null };

    /// <summary>Whether the employees are being handed out as they are read.</summary>
    public bool Streaming => _head is not null && _streamed is not null;

    /// <summary>Whether the employees began but had to be kept (a key decisions read may come after them).</summary>
    public bool Kept { get; private set; }

    /// <summary>Whether the employee list has begun (streaming or kept).</summary>
    public bool EmployeesBegan { get; private set; }

    /// <summary>The facts before the employees, without employees, once streaming.</summary>
    public FactsFile? HeadFacts => _head is { } h ? new FactsFile(_path, h.Calendar, h.Regions, h.Units, [], h.Incidents, []) : null;

    /// <summary>Reads the document's whole root (streamed or not), as a whole load does.</summary>
    public FactsFile? Finish(YamlNode root) => Read(root);

    private void BeginEmployees(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> before)
    {
        EmployeesBegan = true;
        if (_streamed is null) return;
        var missing = HeadKeys.Where(k => !before.Any(e => e.Key.Value == k)).ToList();
        // A unit's levels (a ranked field's 'in top N of unit') are known only once all its employees are read.
        if (_keep)
        {
            Kept = true;
            return;
        }
        if (missing.Count > 0 && (_laterKeys?.Invoke() is not { } later || missing.Any(later.Contains)))
        {
            Kept = true;
            return;
        }
        var span = before.Count > 0 ? before[0].Key.Span : SourceSpan.At(_path, 1, 1);
        _head = Head(new YamlMapping([.. before], span));
    }
}
