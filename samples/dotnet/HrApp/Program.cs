using NodaTime;
using WorkPolicy;

// An HR system's own records (as its database would give them).
Staff[] staff =
[
    new("e-001", "disdik-plp", "PNS", "Pelaksana", null),
    new("e-002", "disdik-plp", "PNS", "JPT Pratama", "II"),
    new("e-003", "pkm-wara", "PPPK", "Pelaksana", null),
    new("e-004", "disdik-plp", "Honorer", "Pelaksana", null),
];
Office[] offices = [new("disdik-plp", "dinas", "disdik"), new("pkm-wara", "puskesmas", "dinkes")];

// --- the mapping and the questions: what this sample shows ---
var engine = PolicyEngine.Load(args.Length > 0 ? args[0] : "samples/circulars");
if (engine.Value is not { } rules) return Fail(engine.Diagnostics);
var builder = new FactsBuilder("hr").RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 });
foreach (var o in offices) builder.Unit(o.Id, "kota-palopo", new() { ["kind"] = o.Kind, ["agency"] = o.Agency });
foreach (var s in staff)
    builder.Employee(s.Id, s.Office, new()
    {
        ["employment"] = s.Status.ToLowerInvariant(),
        ["position"] = s.Position.ToLowerInvariant().Replace(' ', '-'),
        ["echelon"] = s.Echelon ?? "none",
    });
var facts = rules.Facts.Build(builder, BadRecords.Skip);
foreach (var d in facts.Diagnostics) Console.Error.WriteLine(d);
var today = new LocalDate(2021, 7, 30);
foreach (var s in staff)
    if (rules.TryDecide(facts.Value!, s.Id, today, out var decision)) Console.WriteLine(decision);
var week = rules.Rosters.Plan(facts.Value!, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6));
Console.Write(week);
return 0;
// --- end of the mapping ---

static int Fail(IEnumerable<Diagnostic> diagnostics)
{
    foreach (var d in diagnostics) Console.Error.WriteLine(d);
    return 1;
}

internal sealed record Staff(string Id, string Office, string Status, string Position, string? Echelon);

internal sealed record Office(string Id, string Kind, string Agency);
