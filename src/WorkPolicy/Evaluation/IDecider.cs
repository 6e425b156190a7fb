using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation;

/// <summary>
/// What rosters and attendance ask of an evaluator: verdicts, whole decisions, pools and preferences for the rows of
/// one facts index. The plain <see cref="Evaluator"/> and the memo layer both answer it, alike (tests hold them equal).
/// </summary>
internal interface IDecider
{
    /// <summary>The facts evaluated against.</summary>
    FactIndex Facts { get; }

    /// <summary>The verdict for an employee on a date, without details.</summary>
    Verdict Classify(EmployeeRow employee, LocalDate date);

    /// <summary>The whole decision for an employee on a date.</summary>
    Decision Decide(EmployeeRow employee, LocalDate date);

    /// <summary>The rotation pool of a verdict.</summary>
    PoolAssignment? PoolOf(EmployeeRow employee, LocalDate date, Verdict verdict);

    /// <summary>Whether the pool prefers the employee for office days.</summary>
    Tri Preferred(EmployeeRow employee, LocalDate date, Verdict verdict);

    /// <summary>Whether the pool of <paramref name="poolVerdict"/> measures its share against a wider base (<c>50% of asn</c>).</summary>
    bool HasQuotaBase(Verdict poolVerdict);

    /// <summary>
    /// Whether <paramref name="candidate"/> counts in the quota base of the pool of <paramref name="poolVerdict"/> counted
    /// in <paramref name="unit"/>: of that unit (or perangkat daerah, as the pool counts) and within the base condition.
    /// </summary>
    Tri InQuotaBase(EmployeeRow candidate, LocalDate date, Verdict poolVerdict, string unit);
}
