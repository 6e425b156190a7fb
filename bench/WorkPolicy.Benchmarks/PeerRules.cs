using RulesEngine.Models;

namespace WorkPolicy.Benchmarks;

/// <summary>The input the peer engine sees: the facts its expressions test, flattened.</summary>
public sealed class Person
{
    public string Region { get; init; } = "";
    public string Agency { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Employment { get; init; } = "";
    public string Position { get; init; } = "";
    public bool ItCapable { get; init; }
    /// <summary>The unit or its perangkat daerah lists direct or critical service (Palopo point 2's criterion).</summary>
    public bool DirectOrCritical { get; init; }
    /// <summary>The unit lists essential or direct service (Luwu Utara's essential-sector criterion).</summary>
    public bool EssentialOrDirect { get; init; }
}

/// <summary>
/// Palopo's and Luwu Utara's mode logic for Microsoft RulesEngine, one workflow each, rules in
/// priority order (exceptions first): the first rule that succeeds decides, as the rule files' overrides do.
/// </summary>
internal static class PeerRules
{
    private const string Asn = "(input1.Employment == \"pns\" || input1.Employment == \"pppk\")";

    public static Workflow[] Workflows() =>
    [
        new Workflow
        {
            WorkflowName = "kota-palopo",
            Rules =
            [
                Rule("p2-critical-service", "input1.DirectOrCritical || input1.Agency == \"dinkes\" || input1.Agency == \"damkar\" || input1.Agency == \"satpol-pp\" || input1.Kind == \"rsud\" || input1.Kind == \"puskesmas\" || input1.Kind == \"pustu\"", "office"),
                Rule("p1-rotation", "true", "rotation"),
            ],
        },
        new Workflow
        {
            WorkflowName = "kab-luwu-utara",
            Rules =
            [
                Rule("exempt-essential", "input1.EssentialOrDirect || input1.Agency == \"rsud-andi-djemma\" || input1.Kind == \"puskesmas\" || input1.Kind == \"pustu\"", "office"),
                Rule("exempt-kecamatan-kelurahan", $"{Asn} && (input1.Kind == \"kecamatan\" || input1.Kind == \"kelurahan\")", "office"),
                Rule("it-capable-only", $"{Asn} && input1.ItCapable == false", "office"),
                Rule("pengawas-quarter", $"{Asn} && input1.Position == \"pengawas\"", "rotation"),
                Rule("pelaksana-half", $"{Asn} && input1.Position == \"pelaksana\"", "rotation"),
                Rule("non-asn-half", "input1.Employment == \"ptt\" || input1.Employment == \"kontrak\" || input1.Employment == \"honorer\"", "rotation"),
                Rule("staff-office", "true", "office"),
            ],
        },
    ];

    private static Rule Rule(string name, string expression, string mode) =>
        new() { RuleName = name, Expression = expression, SuccessEvent = mode, RuleExpressionType = RuleExpressionType.LambdaExpression };
}
