using NodaTime;
using WorkPolicy;

// Decides one employee under Palopo's circular through the public API of the NuGet packages.
var circulars = args.Length > 0 ? args[0] : Path.Combine("samples", "circulars");
var engine = PolicyEngine.Load(Path.Combine(circulars, "vocabulary.wp"), Path.Combine(circulars, "palopo.wp"));
var facts = engine.Value?.ParseFacts("inline.facts.yaml", """
    regions:
      kota-palopo:
        ppkm: [ { from: 2021-07-26, level: 4 } ]
    units:
      - { id: disdik-plp, region: kota-palopo, kind: dinas, agency: disdik }
    employees:
      - { id: e-001, unit: disdik-plp, employment: pns, position: pelaksana }
    """);
foreach (var d in engine.Diagnostics.AddRange(facts?.Diagnostics ?? [])) Console.Error.WriteLine(d);
if (facts?.Value is null) return 1;

var decision = engine.Value!.Decide(facts.Value, "e-001", new LocalDate(2021, 7, 30));
Console.WriteLine($"{decision.Employee} on {decision.Date:yyyy-MM-dd}: {decision.Mode.Word()} ({string.Join(", ", decision.Provisions.Select(p => p.Id))})");
foreach (var o in decision.Obligations) Console.WriteLine($"  {o.Kind} in {o.Zone}: {string.Join(", ", o.Windows?.Select(w => $"{w.From:HH:mm}-{w.To:HH:mm}") ?? [])}");
return decision.Mode == WorkMode.Rotation ? 0 : 1;
