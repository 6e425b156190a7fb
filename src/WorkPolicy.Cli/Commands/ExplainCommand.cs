using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using WorkPolicy.Cli.Output;
using WorkPolicy.Rules.Analysis;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Printing;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy explain</c>: one decision with every provision considered and what overrode what.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = Shared.Facts();
        var employee = new Option<string>("--employee") { Description = "employee id", Required = true };
        var on = new Option<string>("--on") { Description = "date (yyyy-mm-dd)", Required = true };
        var format = Shared.Format();
        var command = new Command("explain", "Explain one decision: every provision considered, why it applied or not, what overrode what") { paths, facts, employee, on, format };
        command.SetAction(parse =>
        {
            var date = Shared.Date(parse.GetValue(on), "--on");
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } rules) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadIndex(io, parse.GetValue(facts)!, rules) is not { } index) return WorkPolicyCommand.InputErrors;
            var f = index.Facts;
            var id = parse.GetValue(employee)!;
            if (f.Employees.FirstOrDefault(e => e.Id == id) is not { } e)
            {
                io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Path}");
                return WorkPolicyCommand.InputErrors;
            }
            var trace = new List<TraceEntry>();
            var decision = new Evaluator(rules, index).Decide(index.Row(e), date, trace);
            var whatIf = Counterfactuals.OtherModes(rules, f, e, date, decision);
            var settling = Counterfactuals.Settling(rules, f, e, date, decision);
            if (parse.GetValue(format) == "json")
            {
                using var ms = new MemoryStream();
                DecisionJson.WritePlain(ms, [decision], trace, w => WriteWhatIf(w, whatIf, settling));
                io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
            }
            else
            {
                WriteText(io.Out, decision, trace);
                WriteWhatIf(io.Out, decision, whatIf, settling);
            }
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    /// <summary>The changes of one fact that give another mode, one line per fact and resulting decision.</summary>
    private static void WriteWhatIf(TextWriter w, Decision d, ImmutableArray<WhatIf> whatIf, ImmutableArray<string> settling)
    {
        if (settling.Length > 0) w.WriteLine($"knowing any one of these would settle it: {string.Join(", ", settling)}");
        if (whatIf.IsEmpty)
        {
            w.WriteLine(d.Mode == WorkMode.Indeterminate ? "no single fact set otherwise gives a mode" : $"no single fact set otherwise gives another mode than {d.Mode.Word()}");
            return;
        }
        w.WriteLine("what would change this answer (one fact set otherwise):");
        foreach (var g in Grouped(whatIf))
            w.WriteLine($"  {g.Path} {g.From} → {string.Join(" or ", g.To)}: {DecisionDiff.Summary(g.Decision)}");
    }

    private static void WriteWhatIf(Utf8JsonWriter w, ImmutableArray<WhatIf> whatIf, ImmutableArray<string> settling)
    {
        w.WriteStartArray("whatIf");
        foreach (var g in Grouped(whatIf))
        {
            w.WriteStartObject();
            w.WriteString("fact", g.Path);
            w.WriteString("from", g.From);
            w.WriteStartArray("to");
            foreach (var t in g.To) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteString("mode", g.Decision.Mode.Word());
            DecisionJson.WriteProvisions(w, g.Decision.Provisions);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("settledBy");
        foreach (var s in settling) w.WriteStringValue(s);
        w.WriteEndArray();
    }

    /// <summary>Changes of the same fact to the same decision, as one: <c>unit.kind dinas → puskesmas or rsud</c>.</summary>
    private static IEnumerable<(string Path, string From, List<string> To, Decision Decision)> Grouped(ImmutableArray<WhatIf> whatIf) =>
        whatIf.GroupBy(x => (x.Change.Path, x.Change.From, DecisionDiff.Summary(x.Decision)))
            .Select(g => (g.Key.Path, g.Key.From, g.Select(x => x.Change.To).Distinct().ToList(), g.First().Decision));

    private static void WriteText(TextWriter w, Decision d, List<TraceEntry> trace)
    {
        w.WriteLine($"{d.Employee} on {Values.Text(d.Date)} ({d.Date.DayOfWeek}): {d.Mode.Word()}");
        if (d.Circulars.Length > 0) w.WriteLine($"  in force: {string.Join(", ", d.Circulars)}");
        foreach (var p in d.Provisions) w.WriteLine($"  by {p.Circular}/{p.Id} — {p.Cite}");
        if (d.Pool is { } pool) w.WriteLine($"  pool: {pool.Group} of {pool.Unit}, {Values.Text(pool.Percent)}% {(pool.Place == QuotaPlace.Office ? "at the office" : "at home")}, rounding {DslPrinter.RoundingWord(pool.Rounding)}");
        foreach (var o in d.Obligations)
        {
            var details = string.Join(", ", o.Properties.Select(p => $"{p.Key} {DslPrinter.ValueText(p.Value)}"));
            var windows = o.Windows is { } ws ? $" windows {(ws.Length == 0 ? "none today" : string.Join(", ", ws.Select(DslPrinter.WindowText)))} ({o.Zone})" : "";
            w.WriteLine($"  must: {o.Kind}{(details.Length > 0 ? " — " + details : "")}{windows}");
        }
        if (d.Unknown.Length > 0) w.WriteLine($"  needs facts: {string.Join(", ", d.Unknown)}");
        w.WriteLine("trace:");
        foreach (var t in trace)
        {
            var who = t.Provision is null ? t.Circular : $"{t.Circular}/{t.Provision}";
            w.WriteLine($"  [{t.Outcome}] {(who.Length > 0 ? who + ": " : "")}{t.Reason}");
        }
    }
}
