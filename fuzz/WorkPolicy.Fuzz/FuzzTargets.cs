using WorkPolicy.Analysis;
using WorkPolicy.Parsing;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Fuzz;

/// <summary>The loaders under fuzzing. Any exception that escapes one of them is a bug.</summary>
public static class FuzzTargets
{
    /// <summary>Target names accepted on the command line.</summary>
    public static readonly string[] Names = ["dsl", "yaml", "facts"];

    private static readonly Lazy<Model.Vocabulary> Vocabulary = new(() =>
    {
        var vocabulary = DslParser.Parse("vocabulary.wp", VocabularyText.Text).File;
        return Checking.Linker.Link([vocabulary]).Vocabulary;
    });

    /// <summary>Links a parsed file and, when it is valid, compiles it and runs the conflict search.</summary>
    private static void LinkAndCheck(RuleFile file)
    {
        if (Checking.Linker.Link([file]).Model is not { } model) return;
        Analysis.ConflictChecker.Check(Evaluation.CompiledRules.Compile(model));
    }

    /// <summary>Runs one target on raw bytes, as a user's file would arrive.</summary>
    public static void Run(string target, byte[] bytes)
    {
        if (target == "facts")
        {
            // The command line's path: bytes in, JSON read as bytes, anything else decoded.
            FactsLoader.Load("fuzz.facts", bytes, Vocabulary.Value);
            return;
        }
        var diagnostics = new List<Diagnostic>();
        if (SourceText.Decode("fuzz", bytes, diagnostics) is not { } text) return;
        switch (target)
        {
            case "dsl":
                var dsl = DslParser.Parse("fuzz.wp", text);
                if (!dsl.HasErrors) LinkAndCheck(dsl.File);
                break;
            case "yaml":
                var yaml = YamlRuleLoader.Load("fuzz.yaml", text);
                if (!yaml.HasErrors) LinkAndCheck(yaml.File);
                break;
            default:
                throw new ArgumentException($"unknown target '{target}'");
        }
    }
}
