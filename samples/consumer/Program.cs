using NodaTime;
using WorkPolicy.Dsl.Facts;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

// Evaluates Palopo's circular for one employee through the public API of the NuGet packages.
var circulars = args.Length > 0 ? args[0] : Path.Combine("samples", "circulars");
var (rules, diagnostics) = RuleLoader.LoadRuleSet([Path.Combine(circulars, "vocabulary.wp"), Path.Combine(circulars, "palopo.wp")]);
foreach (var d in diagnostics) Console.Error.WriteLine(d);
if (diagnostics.Length > 0) return 1;

const string facts = """
    regions:
      kota-palopo:
        ppkm: [ { from: 2021-07-26, level: 4 } ]
    units:
      - { id: disdik-plp, region: kota-palopo, kind: dinas, agency: disdik }
    employees:
      - { id: e-001, unit: disdik-plp, employment: pns, position: pelaksana }
    """;
var loaded = FactsLoader.Load("inline.facts.yaml", facts, rules);
foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d);
if (loaded.HasErrors) return 1;

var evaluator = new Evaluator(CompiledRuleSet.Compile(rules), new FactIndex(loaded.Facts!));
var decision = evaluator.Decide(loaded.Facts!.Employees[0], new LocalDate(2021, 7, 30));
Console.WriteLine($"{decision.Employee} on {decision.Date:yyyy-MM-dd}: {decision.Mode.Word()} ({string.Join(", ", decision.Provisions.Select(p => p.Id))})");
foreach (var o in decision.Obligations) Console.WriteLine($"  {o.Kind} in {o.Zone}: {string.Join(", ", o.Windows?.Select(w => $"{w.From:HH:mm}-{w.To:HH:mm}") ?? [])}");
return decision.Mode == WorkMode.Rotation ? 0 : 1;
