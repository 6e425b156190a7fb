using NodaTime;
using TypedHrApp.Facts;
using WorkPolicy;

// An HR system's own records, typed with the vocabulary's codes (the types are made from vocabulary.wp at build time:
// a misspelled code, Position.Pelaksanaa, fails the build). The circulars' conditions are compiled to C# by the same
// build step (TypedHrApp.Rules.CompiledRules): the engine uses them for the rules they were made from.
Staff[] staff =
[
    new("e-001", "disdik-plp", Employment.Pns, Position.Pelaksana, null),
    new("e-002", "disdik-plp", Employment.Pns, Position.JptPratama, Echelon.II),
    new("e-003", "pkm-wara", Employment.Pppk, Position.Pelaksana, null),
    new("e-004", "disdik-plp", Employment.Honorer, Position.Pelaksana, null),
];
Office[] offices = [new("disdik-plp", Kind.Dinas, Agency.Disdik), new("pkm-wara", Kind.Puskesmas, Agency.Dinkes)];

// --- the mapping and the questions: what this sample shows ---
var engine = PolicyEngine.Load([args.Length > 0 ? args[0] : "samples/circulars"], LoadOptions.Strict with { Compiled = new TypedHrApp.Rules.CompiledRules() });
foreach (var d in engine.Diagnostics) Console.Error.WriteLine(d);
if (engine.Value is not { } rules) return 1;
var builder = new FactsBuilder("hr").Add(new PpkmStatus(Region.KotaPalopo, new LocalDate(2021, 7, 26)) { Level = 4 });
foreach (var o in offices) builder.Add(new Unit(o.Id, Region.KotaPalopo) { Kind = o.Kind, Agency = o.Agency });
foreach (var s in staff) builder.Add(new Employee(s.Id, s.Office) { Employment = s.Status, Position = s.Position, Echelon = s.Echelon ?? Echelon.None });
var facts = rules.Facts.Build(builder, BadRecords.Skip);
foreach (var d in facts.Diagnostics) Console.Error.WriteLine(d);
var today = new LocalDate(2021, 7, 30);
foreach (var s in staff)
    if (rules.TryDecide(facts.Value!, s.Id, today, out var decision)) Console.WriteLine(decision);
var week = rules.Rosters.Plan(facts.Value!, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6));
Console.Write(week);
return 0;
// --- end of the mapping ---

internal sealed record Staff(string Id, string Office, Employment Status, Position Position, Echelon? Echelon);

internal sealed record Office(string Id, Kind Kind, Agency Agency);
