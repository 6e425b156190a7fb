using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>workpolicy compare A B --from D1 --to D2 [--facts F]</c>: who two rule sets (e.g. two readings of
/// one circular) decide differently and from when (<see cref="PolicyAnalysis.Compare"/>).
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
            var (first, last) = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, Sides(parse.GetValue(a)!)) is not { } ra || Shared.LoadRules(io, Sides(parse.GetValue(b)!)) is not { } rb) return WorkPolicyCommand.InputErrors;
            PolicyFacts? f = null;
            if (parse.GetValue(facts) is { } factsPath && (f = Shared.LoadFacts(io, ra, factsPath)) is null) return WorkPolicyCommand.InputErrors;
            var report = PolicyAnalysis.Compare(ra, rb, first, last, f);
            if (parse.GetValue(format) == "json") Shared.WriteJson(io, report);
            else report.WriteText(io.Out);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    /// <summary>The paths one side names: one, or several joined with the system's path-list separator.</summary>
    private static string[] Sides(string side) => side.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
}
