using WorkPolicy.Rules.Evaluation.Memo;
using System.CommandLine;
using System.Text.Json;
using WorkPolicy.Cli.Output;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>workpolicy compare A B --facts F --from D1 --to D2</c>: where two rule sets (e.g. two
/// readings of one circular) decide differently, per employee and date, with the provisions behind each.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliIO io)
    {
        var a = new Argument<string>("a") { Description = $"first rule set: a file or folder, or several joined with '{Path.PathSeparator}' (e.g. a circular as issued)" };
        var b = new Argument<string>("b") { Description = $"second rule set: a file or folder, or several joined with '{Path.PathSeparator}' (e.g. the circular and its amendments)" };
        var facts = Shared.Facts();
        var on = new Option<string>("--on") { Description = "one date (yyyy-mm-dd)" };
        var from = new Option<string>("--from") { Description = "first date of a range" };
        var to = new Option<string>("--to") { Description = "last date of a range (inclusive)" };
        var format = Shared.Format();
        var command = new Command("compare", "Show where two rule sets decide differently, per employee and date") { a, b, facts, on, from, to, format };
        command.SetAction(parse =>
        {
            var dates = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            var aPath = parse.GetValue(a)!;
            var bPath = parse.GetValue(b)!;
            if (Shared.LoadRules(io, Sides(aPath)) is not { } ra || Shared.LoadRules(io, Sides(bPath)) is not { } rb) return WorkPolicyCommand.InputErrors;
            // Each rule set reads the facts through its own vocabulary and layout.
            if (Shared.LoadIndex(io, parse.GetValue(facts)!, ra) is not { } indexA) return WorkPolicyCommand.InputErrors;
            var f = indexA.Facts;
            var ea = new MemoizedEvaluator(new Evaluator(ra, indexA));
            var eb = new MemoizedEvaluator(new Evaluator(rb, new FactIndex(f, rb.Model.Layout)));
            var differences = new List<(Decision A, Decision B, IReadOnlyList<string> Aspects)>();
            foreach (var e in f.Employees)
            {
                foreach (var d in dates)
                {
                    var da = ea.Decide(e, d);
                    var db = eb.Decide(e, d);
                    var aspects = DecisionDiff.Aspects(da, db);
                    if (aspects.Count > 0) differences.Add((da, db, aspects));
                }
            }
            if (parse.GetValue(format) == "json") WriteJson(io, aPath, bPath, differences);
            else WriteTable(io, aPath, bPath, differences);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    private static void WriteTable(CliIO io, string a, string b, List<(Decision A, Decision B, IReadOnlyList<string> Aspects)> differences)
    {
        io.Out.WriteLine($"A: {a}");
        io.Out.WriteLine($"B: {b}");
        if (differences.Count == 0)
        {
            io.Out.WriteLine("no differences");
            return;
        }
        var rows = new List<string[]> { new[] { "EMPLOYEE", "DATE", "DIFFERS IN", "A", "B" } };
        rows.AddRange(differences.Select(x => new[] { x.A.Employee, Values.Text(x.A.Date), string.Join(", ", x.Aspects), DecisionDiff.Summary(x.A), DecisionDiff.Summary(x.B) }));
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows) io.Out.WriteLine(string.Join("  ", r.Select((c, i) => i == 4 ? c : c.PadRight(widths[i]))).TrimEnd());
        io.Out.WriteLine($"{differences.Count} difference(s)");
    }

    private static void WriteJson(CliIO io, string a, string b, List<(Decision A, Decision B, IReadOnlyList<string> Aspects)> differences)
    {
        io.Out.WriteLine(JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("a", a);
            w.WriteString("b", b);
            w.WriteStartArray("differences");
            foreach (var (da, db, aspects) in differences)
            {
                w.WriteStartObject();
                w.WriteString("employee", da.Employee);
                w.WriteString("date", Values.Text(da.Date));
                w.WriteStartArray("differs");
                foreach (var x in aspects) w.WriteStringValue(x);
                w.WriteEndArray();
                Side(w, "a", da);
                Side(w, "b", db);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static void Side(Utf8JsonWriter w, string name, Decision d)
    {
        w.WriteStartObject(name);
        w.WriteString("mode", d.Mode.Word());
        DecisionJson.WriteProvisions(w, d.Provisions);
        w.WriteStartArray("obligations");
        foreach (var o in DecisionDiff.Obligations(d)) w.WriteStringValue(o);
        w.WriteEndArray();
        // Each side's pool in full (the quota too), so a 'pool' difference shows what differs.
        DecisionJson.WritePool(w, d.Pool);
        w.WriteStartArray("unknown");
        foreach (var u in d.Unknown) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The paths one side names: one, or several joined with the system's path-list separator.</summary>
    private static string[] Sides(string side) => side.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
}
