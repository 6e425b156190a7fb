using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>workpolicy compile PATH… --namespace NS [--class NAME] [-o FILE]</c>: the rules' conditions as C#
/// (<see cref="RuleCompiler.EmitCSharp(IEnumerable{string}, string, string)"/>), to compile into an app and hand to
/// <c>LoadOptions.Compiled</c> — what the WorkPolicy.Build step writes with <c>WorkPolicyCompileRules</c>.
/// </summary>
internal static class CompileCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var ns = new Option<string>("--namespace") { Description = "the C# namespace of the class", Required = true };
        var className = new Option<string>("--class") { Description = "the class's name", DefaultValueFactory = _ => "CompiledRules" };
        var output = new Option<string>("--output", "-o") { Description = "write here (atomically) instead of standard output" };
        var command = new Command("compile", "Write the rules' conditions as C# for an app to compile (Native AOT)") { paths, ns, className, output };
        command.SetAction(parse =>
        {
            Loaded<string> emitted;
            try
            {
                emitted = RuleCompiler.EmitCSharp(parse.GetValue(paths)!, parse.GetValue(ns)!, parse.GetValue(className)!);
            }
            catch (ArgumentException ex)
            {
                // A name that is not C#: wrong usage, said as every verb says it.
                throw new UsageException(ex.Message.Split(" (Parameter")[0]);
            }
            return Shared.WriteText(io, emitted, parse.GetValue(output));
        });
        return command;
    }
}
