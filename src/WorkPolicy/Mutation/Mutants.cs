using System.Collections.Immutable;
using WorkPolicy.Ast;

namespace WorkPolicy.Mutation;

/// <summary>
/// Plants one fault at a time in a rule set's circulars: every <c>overrides</c> entry dropped, every
/// comparison and boolean test of a scope flipped, every period shifted by a day at each end. Tests
/// that pass on the rule set and fail on a mutant have noticed it (killed it).
/// </summary>
internal static class Mutants
{
    /// <summary>The mutants of <paramref name="files"/>, in the order their faults are written.</summary>
    public static IEnumerable<Mutant> Of(ImmutableArray<RuleFile> files)
    {
        for (var f = 0; f < files.Length; f++)
        {
            var file = files[f];
            for (var c = 0; c < file.Circulars.Length; c++)
            {
                var circular = file.Circulars[c];
                ImmutableArray<RuleFile> With(CircularDecl changed) =>
                    files.SetItem(f, file with { Circulars = file.Circulars.SetItem(c, changed) });

                var period = circular.Period;
                yield return new Mutant(MutationKind.ShiftPeriod, circular.Id, $"starts {period.From.PlusDays(1):yyyy-MM-dd} instead of {period.From:yyyy-MM-dd}", period.Span,
                    With(circular with { Period = period with { From = period.From.PlusDays(1) } })) { OnlyDay = period.From };
                if (period.To is { } to && to > period.From)
                {
                    yield return new Mutant(MutationKind.ShiftPeriod, circular.Id, $"ends {to.PlusDays(-1):yyyy-MM-dd} instead of {to:yyyy-MM-dd}", period.Span,
                        With(circular with { Period = period with { To = to.PlusDays(-1) } })) { OnlyDay = to };
                }
                for (var p = 0; p < circular.Provisions.Length; p++)
                {
                    var provision = circular.Provisions[p];
                    var at = p;
                    ImmutableArray<RuleFile> WithProvision(ProvisionDecl changed) => With(circular with { Provisions = circular.Provisions.SetItem(at, changed) });

                    foreach (var target in provision.Overrides)
                    {
                        yield return new Mutant(MutationKind.DropOverrides, circular.Id, $"{provision.Id} no longer overrides {target}", provision.Span,
                            WithProvision(provision with { Overrides = provision.Overrides.Remove(target) }));
                    }
                    if (provision.Scope is not { } scope) continue;
                    foreach (var node in ExprWalk.All(scope))
                    {
                        if (Flipped(node) is not { } flipped) continue;
                        yield return new Mutant(MutationKind.FlipComparison, circular.Id, $"{provision.Id}: {flipped.Words}", node.Span,
                            WithProvision(provision with { Scope = Replace(scope, node, flipped.Expr) }));
                    }
                }
            }
        }
    }

    /// <summary>The test read the other way, or null for a node that is not a test.</summary>
    private static (Expr Expr, string Words)? Flipped(Expr e) => e switch
    {
        CompareExpr { Op: CompareOp.Has or CompareOp.HasAny } c => (new NotExpr(c, c.Span), $"'{c.Path} {CompareOps.Word(c.Op)}' negated"),
        RankExpr r => (new NotExpr(r, r.Span), $"'{r.Path} in top {r.Count}' negated"),
        CompareExpr c => (c with { Op = Opposite(c.Op) }, $"'{c.Path} {CompareOps.Word(c.Op)}' read as {CompareOps.Word(Opposite(c.Op))}"),
        NameExpr n => (new NotExpr(n, n.Span), $"'{n.Name}' negated"),
        _ => null,
    };

    private static CompareOp Opposite(CompareOp op) => op switch
    {
        CompareOp.Eq => CompareOp.Ne,
        CompareOp.Ne => CompareOp.Eq,
        CompareOp.In => CompareOp.NotIn,
        CompareOp.NotIn => CompareOp.In,
        CompareOp.Lt => CompareOp.Ge,
        CompareOp.Ge => CompareOp.Lt,
        CompareOp.Le => CompareOp.Gt,
        CompareOp.Gt => CompareOp.Le,
        _ => op,
    };

    /// <summary>
    /// <paramref name="root"/> with <paramref name="target"/> (by reference) replaced. Recursive: the
    /// parsers refuse expressions deeper than <see cref="ExprWalk.MaxDepth"/>, so the depth is bounded.
    /// </summary>
    private static Expr Replace(Expr root, Expr target, Expr replacement)
    {
        if (ReferenceEquals(root, target)) return replacement;
        return root switch
        {
            NotExpr n => n with { Operand = Replace(n.Operand, target, replacement) },
            AndExpr a => a with { Operands = [.. a.Operands.Select(o => Replace(o, target, replacement))] },
            OrExpr o => o with { Operands = [.. o.Operands.Select(x => Replace(x, target, replacement))] },
            _ => root,
        };
    }
}
