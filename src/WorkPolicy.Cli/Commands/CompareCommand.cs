using WorkPolicy.Rules.Evaluation.Memo;
using System.CommandLine;
using System.Text.Json;
using WorkPolicy.Cli.Output;
using WorkPolicy.Dsl.Dsl;
using NodaTime;
using WorkPolicy.Rules.Analysis;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>workpolicy compare A B --from D1 --to D2 [--facts F]</c>: who two rule sets (e.g. two readings of
/// one circular) decide differently and from when, over every class of staff the rules tell apart
/// (<see cref="Comparison"/>); with facts, also how many of their people are in each class and
/// every employee and date that differs, with the provisions behind each side.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliIO io)
    {
        var a = new Argument<string>("a") { Description = $"first rule set: a file or folder, or several joined with '{Path.PathSeparator}' (e.g. a circular as issued)" };
        var b = new Argument<string>("b") { Description = $"second rule set: a file or folder, or several joined with '{Path.PathSeparator}' (e.g. the circular and its amendments)" };
        var facts = Shared.Facts(required: false);
        var on = new Option<string>("--on") { Description = "one date (yyyy-mm-dd)" };
        var from = new Option<string>("--from") { Description = "first date of a range" };
        var to = new Option<string>("--to") { Description = "last date of a range (inclusive)" };
        var format = Shared.Format();
        var command = new Command("compare", "Show who two rule sets decide differently and when, over every class of staff (and per employee with --facts)") { a, b, facts, on, from, to, format };
        command.SetAction(parse =>
        {
            var dates = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            var aPath = parse.GetValue(a)!;
            var bPath = parse.GetValue(b)!;
            if (Shared.LoadRules(io, Sides(aPath)) is not { } ra || Shared.LoadRules(io, Sides(bPath)) is not { } rb) return WorkPolicyCommand.InputErrors;
            var classes = Comparison.Run(ra, rb, dates[0], dates[^1], DecisionDiff.Aspects);
            if (parse.GetValue(facts) is not { } factsPath)
            {
                if (parse.GetValue(format) == "json") WriteJson(io, aPath, bPath, dates, classes, null, null);
                else WriteClasses(io, aPath, bPath, dates, classes, null);
                return WorkPolicyCommand.Ok;
            }
            // Each rule set reads the facts through its own vocabulary and layout.
            if (Shared.LoadIndex(io, factsPath, ra) is not { } indexA) return WorkPolicyCommand.InputErrors;
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
            var people = People(classes, dates, f);
            if (parse.GetValue(format) == "json") WriteJson(io, aPath, bPath, dates, classes, people, differences);
            else
            {
                WriteClasses(io, aPath, bPath, dates, classes, people);
                WriteTable(io, differences);
            }
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    /// <summary>
    /// Per difference of the exhaustive comparison, the employees of the facts in its class: in one of its
    /// regions and, on a date of its stretch (and weekdays), with the facts its description names.
    /// </summary>
    private static int[] People(ComparisonResult classes, IReadOnlyList<LocalDate> dates, Rules.Facts.FactsFile facts)
    {
        var regionOf = facts.Units.ToDictionary(u => u.Id, u => u.Region, StringComparer.Ordinal);
        var memberships = new Dictionary<FactSpace, Membership>(ReferenceEqualityComparer.Instance);
        Membership Of(FactSpace space) => memberships.TryGetValue(space, out var m) ? m : memberships[space] = new Membership(space);
        return [.. classes.Differences.Select(d =>
        {
            var days = dates.Where(x => x >= d.From && x <= d.To && (d.Weekdays.IsEmpty || d.Weekdays.Contains(x.DayOfWeek))).ToList();
            return facts.Employees.Count(e => d.Regions.Contains(regionOf.GetValueOrDefault(e.Unit) ?? "")
                && days.Any(day => d.Classes.Any(c => Of(c.Space).Holds(c.Choice, c.Codes, facts, e, day))));
        })];
    }

    private static string Regions(Difference d) => d.Regions.Length <= 2 ? string.Join(", ", d.Regions) : $"{d.Regions[0]} and {d.Regions.Length - 1} more";

    private static string Dates(Difference d) =>
        d.Weekdays.IsEmpty ? "" : " (" + string.Join(", ", d.Weekdays.Select(w => w.ToString()[..3])) + ")";

    private static void WriteClasses(CliIO io, string a, string b, IReadOnlyList<LocalDate> dates, ComparisonResult result, int[]? people)
    {
        io.Out.WriteLine($"A: {a}");
        io.Out.WriteLine($"B: {b}");
        io.Out.WriteLine($"every class of staff the rules tell apart, {Values.Text(dates[0])} to {Values.Text(dates[^1])}: {result.Classes} classes compared{(result.Complete ? "" : $" (incomplete: a region has more than {SpaceWalk.MaxCells} classes)")}");
        if (result.Differences.IsEmpty) io.Out.WriteLine("no differences");
        else
        {
            var header = new List<string> { "FROM", "TO", "REGIONS", "WHO", "DIFFERS IN", "A", "B" };
            if (people is not null) header.Insert(4, "PEOPLE");
            var rows = new List<string[]> { header.ToArray() };
            rows.AddRange(result.Differences.Select((d, i) =>
            {
                var row = new List<string> { Values.Text(d.From), Values.Text(d.To) + Dates(d), Regions(d), d.Who, string.Join(", ", d.Aspects), DecisionDiff.Summary(d.A), DecisionDiff.Summary(d.B) };
                if (people is not null) row.Insert(4, people[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                return row.ToArray();
            }));
            Table(io, rows);
        }
        io.Out.WriteLine("by period:");
        foreach (var p in result.Periods)
            io.Out.WriteLine($"  {Values.Text(p.From)} to {Values.Text(p.To)}: {(p.Differences == 0 ? "no differences" : $"{p.Differences} difference(s)")}");
    }

    private static void Table(CliIO io, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows) io.Out.WriteLine(string.Join("  ", r.Select((c, i) => i == r.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
    }

    private static void WriteTable(CliIO io, List<(Decision A, Decision B, IReadOnlyList<string> Aspects)> differences)
    {
        io.Out.WriteLine("per employee:");
        if (differences.Count == 0)
        {
            io.Out.WriteLine("no differences");
            return;
        }
        var rows = new List<string[]> { new[] { "EMPLOYEE", "DATE", "DIFFERS IN", "A", "B" } };
        rows.AddRange(differences.Select(x => new[] { x.A.Employee, Values.Text(x.A.Date), string.Join(", ", x.Aspects), DecisionDiff.Summary(x.A), DecisionDiff.Summary(x.B) }));
        Table(io, rows);
        io.Out.WriteLine($"{differences.Count} difference(s)");
    }

    private static void WriteJson(CliIO io, string a, string b, IReadOnlyList<LocalDate> dates, ComparisonResult result, int[]? people, List<(Decision A, Decision B, IReadOnlyList<string> Aspects)>? differences)
    {
        io.Out.WriteLine(JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("a", a);
            w.WriteString("b", b);
            w.WriteString("from", Values.Text(dates[0]));
            w.WriteString("to", Values.Text(dates[^1]));
            w.WriteNumber("classesCompared", result.Classes);
            w.WriteBoolean("complete", result.Complete);
            w.WriteStartArray("classes");
            for (var i = 0; i < result.Differences.Length; i++)
            {
                var d = result.Differences[i];
                w.WriteStartObject();
                w.WriteString("from", Values.Text(d.From));
                w.WriteString("to", Values.Text(d.To));
                w.WriteStartArray("weekdays");
                foreach (var day in d.Weekdays) w.WriteStringValue(day.ToString().ToLowerInvariant());
                w.WriteEndArray();
                w.WriteStartArray("regions");
                foreach (var r in d.Regions) w.WriteStringValue(r);
                w.WriteEndArray();
                w.WriteString("who", d.Who);
                if (people is not null) w.WriteNumber("people", people[i]);
                w.WriteStartArray("differs");
                foreach (var x in d.Aspects) w.WriteStringValue(x);
                w.WriteEndArray();
                Side(w, "a", d.A);
                Side(w, "b", d.B);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("periods");
            foreach (var p in result.Periods)
            {
                w.WriteStartObject();
                w.WriteString("from", Values.Text(p.From));
                w.WriteString("to", Values.Text(p.To));
                w.WriteNumber("differences", p.Differences);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (differences is null)
            {
                w.WriteEndObject();
                return;
            }
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
