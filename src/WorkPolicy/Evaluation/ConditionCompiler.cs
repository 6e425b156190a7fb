using NodaTime;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using WorkPolicy.Ast;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Evaluation;

/// <summary>
/// An optimisation of <see cref="ConditionInterpreter"/>, which says what a condition means: compiles checked
/// conditions to delegates through expression trees — slots, code numbers and thresholds become constants, one
/// circular's scopes become one method, a definition several scopes use is evaluated once per call. The delegates
/// reach every caller (the walk, the memo layer's keys, the conflict checker); tests hold them equal to the
/// interpreter on generated conditions and facts, unknowns and recorded missing facts included.
/// </summary>
/// <remarks>
/// Three-valued (Kleene) logic; a missing fact is unknown unless its field states a default. When
/// the scope carries a sink (<see cref="DecisionSubject.Missing"/>), a leaf that is unknown records the
/// path of the fact it lacked, and a junction settled by a decisive operand drops what its other
/// operands recorded: only unknowns that matter are reported.
/// </remarks>
/// <param name="reference">
/// Whether the delegates call <see cref="ConditionInterpreter"/> instead of compiled code: nothing to compile,
/// so made at once and run slower. For rule sets asked a few questions once (mutants, an editor's searches).
/// </param>
internal sealed class ConditionCompiler(bool reference = false)
{
    // Where code cannot be generated at run time (Native AOT), expression trees would only be interpreted, slower than
    // the reference interpreter itself: there the interpreter is the compiled form — the definition, nothing to hold
    // equal. Everywhere else, the trees are compiled.
    private readonly bool reference = reference || !RuntimeFeature.IsDynamicCodeCompiled;

    /// <summary>Past this many nodes a definition is called rather than inlined, so code size stays linear.</summary>
    private const int MaxInlineNodes = 64;

    private readonly Dictionary<Condition, Func<DecisionSubject, Tri>> _compiled = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Condition, int> _sizes = new(ReferenceEqualityComparer.Instance);
    private static readonly Func<DecisionSubject, Tri> AlwaysTrue = static _ => Tri.True;

    /// <summary>The delegate of <paramref name="c"/>; null (no scope) is always true. Safe to call from several threads.</summary>
    public Func<DecisionSubject, Tri> Compile(Condition? c)
    {
        if (c is null) return AlwaysTrue;
        if (reference) return s => ConditionInterpreter.Evaluate(c, s);
        // Compiled rules are shared across threads and compile some delegates on first use.
        lock (_compiled)
        {
            if (_compiled.TryGetValue(c, out var known)) return known;
            var s = Expression.Parameter(typeof(DecisionSubject), "s");
            return _compiled[c] = Expression.Lambda<Func<DecisionSubject, Tri>>(Emit(c, new Emission(s, Recording: true, null)), s).Compile();
        }
    }

    /// <summary>
    /// One delegate that packs the outcomes of <paramref name="leaves"/>, two bits each from bit
    /// <paramref name="shift"/>: the memo layer's decision key. It records nothing.
    /// </summary>
    public Func<DecisionSubject, ulong> CompileKey(IReadOnlyList<Condition> leaves, int shift)
    {
        if (reference) return scope => ReferenceKey(leaves, shift, scope);
        var s = Expression.Parameter(typeof(DecisionSubject), "s");
        lock (_compiled)
        {
            var e = new Emission(s, Recording: false, null);
            Expression key = Expression.Constant(0UL);
            for (var i = 0; i < leaves.Count; i++)
            {
                var outcome = Expression.Convert(Expression.Convert(Emit(leaves[i], e), typeof(byte)), typeof(ulong));
                key = Expression.Or(key, Expression.LeftShift(outcome, Expression.Constant(shift + 2 * i)));
            }
            return Expression.Lambda<Func<DecisionSubject, ulong>>(key, s).Compile();
        }
    }

    /// <summary>
    /// One delegate that writes the outcome of each of <paramref name="scopes"/> into its results array,
    /// in order. It is the walk's hot path and records nothing: call it with no sink on the scope (the
    /// per-condition delegates of <see cref="Compile"/> record).
    /// </summary>
    public Action<DecisionSubject, Tri[]> CompileAll(IReadOnlyList<Condition?> scopes)
    {
        if (reference)
        {
            return (scope, results) =>
            {
                for (var i = 0; i < scopes.Count; i++) results[i] = ConditionInterpreter.Evaluate(scopes[i], scope);
            };
        }
        lock (_compiled) return CompileAllLocked(scopes);
    }

    /// <summary>The key of <see cref="CompileKey"/> as the interpreter gives it: the leaves' outcomes, recording nothing.</summary>
    private static ulong ReferenceKey(IReadOnlyList<Condition> leaves, int shift, DecisionSubject scope)
    {
        var sink = scope.Missing;
        scope.Missing = null;
        var key = 0UL;
        for (var i = 0; i < leaves.Count; i++) key |= (ulong)ConditionInterpreter.Evaluate(leaves[i], scope) << (shift + 2 * i);
        scope.Missing = sink;
        return key;
    }

    private Action<DecisionSubject, Tri[]> CompileAllLocked(IReadOnlyList<Condition?> scopes)
    {
        var s = Expression.Parameter(typeof(DecisionSubject), "s");
        var results = Expression.Parameter(typeof(Tri[]), "results");
        // A definition several provisions use (asn, pengawas) is evaluated once per call, on first need.
        var shared = new Dictionary<Condition, ParameterExpression>(ReferenceEqualityComparer.Instance);
        var e = new Emission(s, Recording: false, shared);
        var assignments = scopes.Select((c, i) => (Expression)Expression.Assign(
            Expression.ArrayAccess(results, Expression.Constant(i)),
            c is null ? Expression.Constant(Tri.True) : Emit(c, e))).ToList();
        var init = shared.Values.Select(v => (Expression)Expression.Assign(v, Expression.Constant(NotYet)));
        return Expression.Lambda<Action<DecisionSubject, Tri[]>>(
            Expression.Block(typeof(void), shared.Values, init.Concat(assignments).Append(Expression.Empty())), s, results).Compile();
    }

    /// <summary>
    /// How an expression is emitted: over scope <paramref name="S"/>; <paramref name="Recording"/>: whether
    /// junctions keep the sink to the unknowns that matter; <paramref name="Shared"/>: locals that hold a
    /// definition's outcome once computed (only where nothing is recorded, so no path is lost).
    /// </summary>
    private sealed record Emission(ParameterExpression S, bool Recording, Dictionary<Condition, ParameterExpression>? Shared);

    /// <summary>
    /// The property <paramref name="name"/> of <typeparamref name="T"/> as an expression, found through a type whose
    /// public properties the trimmer keeps (the name-only overload of <see cref="Expression.Property(Expression, string)"/>
    /// is not trim-safe).
    /// </summary>
    private static MemberExpression Prop<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] T>(Expression target, string name) =>
        Expression.Property(target, typeof(T).GetProperty(name)!);

    /// <summary>A value no <see cref="Tri"/> takes: "not computed yet".</summary>
    private const Tri NotYet = (Tri)byte.MaxValue;

    /// <summary>The expression of <paramref name="c"/>.</summary>
    private Expression Emit(Condition c, Emission e)
    {
        var s = e.S;
        // Condition depth is bounded by the loaders and the linker; this is the backstop.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return c switch
        {
            ConstCondition k => Expression.Constant(k.Value ? Tri.True : Tri.False),
            NotCondition n => Expression.Call(typeof(Ops).GetMethod(nameof(Ops.Not))!, Emit(n.Operand, e)),
            JunctionCondition j => Junction(j, e),
            DefinitionCondition d when e.Shared is { } shared => Shared(d, e, shared),
            DefinitionCondition d => Definition(d, e),
            TestCondition t => Test(t, s),
            IncidentCondition i => Expression.Call(typeof(Ops).GetMethod(nameof(Ops.Incident))!, s,
                Expression.Constant(i.Kind), Expression.Constant(i.Days), Expression.Constant(i.StartOffset),
                Expression.Constant(i.WorkingDays), Expression.Constant(i.TopUnit)),
            RankCondition r => Expression.Call(typeof(ConditionInterpreter).GetMethod(nameof(ConditionInterpreter.Rank), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!,
                Expression.Constant(r), s),
            _ => throw new InvalidOperationException($"unknown condition {c.GetType().Name}"),
        };
    }

    private Expression Definition(DefinitionCondition d, Emission e) =>
        Size(d.Body) > MaxInlineNodes ? Expression.Invoke(Expression.Constant(Compile(d.Body)), e.S) : Emit(d.Body, e);

    /// <summary>A definition's outcome, computed on first need and kept in a local for the rest of the call.</summary>
    private Expression Shared(DefinitionCondition d, Emission e, Dictionary<Condition, ParameterExpression> shared)
    {
        if (!shared.TryGetValue(d.Body, out var local))
        {
            local = Expression.Variable(typeof(Tri), d.Name);
            shared[d.Body] = local;
        }
        return Expression.Condition(Expression.Equal(local, Expression.Constant(NotYet)), Expression.Assign(local, Definition(d, e)), local);
    }

    /// <summary>Nodes a condition would inline to.</summary>
    private int Size(Condition c)
    {
        if (_sizes.TryGetValue(c, out var n)) return n;
        n = c switch
        {
            NotCondition x => 1 + Size(x.Operand),
            JunctionCondition j => 1 + j.Operands.Sum(Size),
            DefinitionCondition d => Math.Min(Size(d.Body), MaxInlineNodes + 1),
            _ => 1,
        };
        return _sizes[c] = n;
    }

    /// <summary>
    /// Kleene and/or: a decisive operand (false for and, true for or) settles it at once; otherwise
    /// unknown if any operand is unknown, else the neutral value. Settled, it drops what its operands
    /// recorded.
    /// </summary>
    private Expression Junction(JunctionCondition j, Emission e)
    {
        var (s, recording) = (e.S, e.Recording);
        var decisive = Expression.Constant(j.IsAnd ? Tri.False : Tri.True);
        var result = Expression.Variable(typeof(Tri), "result");
        var r = Expression.Variable(typeof(Tri), "r");
        var sink = Expression.Variable(typeof(List<string>), "sink");
        var mark = Expression.Variable(typeof(int), "mark");
        var end = Expression.Label("end");
        var body = new List<Expression>();
        if (recording)
        {
            body.Add(Expression.Assign(sink, Prop<DecisionSubject>(s, nameof(DecisionSubject.Missing))));
            body.Add(Expression.Assign(mark, Expression.Condition(Expression.ReferenceEqual(sink, Expression.Constant(null, typeof(List<string>))),
                Expression.Constant(0), Prop<List<string>>(sink, nameof(List<string>.Count)))));
        }
        body.Add(Expression.Assign(result, Expression.Constant(j.IsAnd ? Tri.True : Tri.False)));
        foreach (var operand in j.Operands)
        {
            body.Add(Expression.Assign(r, Emit(operand, e)));
            body.Add(Expression.IfThen(Expression.Equal(r, decisive), Expression.Block(Expression.Assign(result, decisive), Expression.Goto(end))));
            body.Add(Expression.IfThen(Expression.Equal(r, Expression.Constant(Tri.Unknown)), Expression.Assign(result, r)));
        }
        body.Add(Expression.Label(end));
        if (recording) body.Add(Expression.Call(typeof(Ops).GetMethod(nameof(Ops.Settle))!, sink, mark, result));
        return Expression.Block(typeof(Tri), [result, r, sink, mark], body.Append(result));
    }

    /// <summary>A leaf: the field's value (or its default, or unknown) compared with typed constants.</summary>
    private static Expression Test(TestCondition t, ParameterExpression s)
    {
        var f = t.Field;
        // The present value is read with the slot as the only constant; the default, the key and the
        // recording of a missing fact are reached only when the value is absent.
        var (read, absent) = f.Entity switch
        {
            Entity.Employee => (Slot(Prop<EmployeeRow>(Prop<DecisionSubject>(s, nameof(DecisionSubject.Employee)), nameof(EmployeeRow.Slots)), f.Slot),
                Expression.Call(typeof(Ops).GetMethod(nameof(Ops.EmployeeAbsent))!, s, Expression.Constant(f.Default, typeof(FactValue)), Expression.Constant(f.Key))),
            Entity.Unit or Entity.TopUnit => (Expression.Call(typeof(Ops).GetMethod(nameof(Ops.Unit))!, s, Expression.Constant(f.Entity == Entity.TopUnit), Expression.Constant(f.Slot)),
                Expression.Call(typeof(Ops).GetMethod(nameof(Ops.UnitAbsent))!, s, Expression.Constant(f.Entity == Entity.TopUnit), Expression.Constant(f.Default, typeof(FactValue)), Expression.Constant(f.Key))),
            Entity.RegionAttribute => (Expression.Call(typeof(Ops).GetMethod(nameof(Ops.Attribute))!, s, Expression.Constant(f.Values)),
                Expression.Call(typeof(Ops).GetMethod(nameof(Ops.StatusAbsent))!, s, Expression.Constant(f.Key), Expression.Constant(f.Default, typeof(FactValue)))),
            Entity.EmployeeStatus => (Expression.Call(typeof(Ops).GetMethod(nameof(Ops.PersonalStatus))!, s, Expression.Constant(f.Series), Expression.Constant(f.Key)),
                Expression.Call(typeof(Ops).GetMethod(nameof(Ops.PersonalStatusAbsent))!, s, Expression.Constant(f.Series), Expression.Constant(f.Default, typeof(FactValue)))),
            _ => (Expression.Call(typeof(Ops).GetMethod(nameof(Ops.Status))!, s, Expression.Constant(f.Series), Expression.Constant(f.Key)),
                Expression.Call(typeof(Ops).GetMethod(nameof(Ops.StatusAbsent))!, s, Expression.Constant(f.Series), Expression.Constant(f.Default, typeof(FactValue)))),
        };
        var v = Expression.Variable(typeof(FactValue), "v");
        var none = Expression.Constant(null, typeof(FactValue));
        return Expression.Block(typeof(Tri), [v],
            Expression.Assign(v, read),
            Expression.IfThen(Expression.ReferenceEqual(v, none), Expression.Assign(v, absent)),
            Expression.Condition(Expression.ReferenceEqual(v, none), Expression.Constant(Tri.Unknown), Compare(t, v, s)));
    }

    /// <summary><c>slot &lt; slots.Length ? slots[slot] : null</c>, written out so the JIT sees one method.</summary>
    private static Expression Slot(Expression slots, int slot) =>
        Expression.Condition(Expression.LessThan(Expression.Constant(slot), Expression.ArrayLength(slots)),
            Expression.ArrayIndex(slots, Expression.Constant(slot)), Expression.Constant(null, typeof(FactValue)));

    /// <summary>The comparison of a known value; a value of another type than declared is unknown.</summary>
    private static Expression Compare(TestCondition t, ParameterExpression v, ParameterExpression s)
    {
        Expression Of(Expression condition) => Expression.Condition(condition, Expression.Constant(Tri.True), Expression.Constant(Tri.False));
        Expression Typed<T>(Func<Expression, Expression> test)
        {
            var typed = Expression.Variable(typeof(T), "typed");
            return Expression.Block(typeof(Tri), [typed],
                Expression.Assign(typed, Expression.TypeAs(v, typeof(T))),
                Expression.Condition(Expression.ReferenceNotEqual(typed, Expression.Constant(null, typeof(T))), test(typed), Expression.Constant(Tri.Unknown)));
        }
        var negate = t.Op is CompareOp.Ne or CompareOp.NotIn;
        // Dates and ages: the date itself, or whole years on the decision's date, against the constants.
        if (t.Age || t.Values[0] is DateFact)
            return Typed<DateFact>(x =>
            {
                var date = Prop<DateFact>(x, nameof(DateFact.Value));
                Expression value = t.Age ? Expression.Call(typeof(Ops).GetMethod(nameof(Ops.Years))!, date, Prop<DecisionSubject>(s, nameof(DecisionSubject.Date))) : date;
                Expression bound = t.Age ? Expression.Constant(((NumberFact)t.Values[0]).Value) : Expression.Constant(((DateFact)t.Values[0]).Value);
                Expression any = t.Age
                    ? Expression.Call(typeof(Ops).GetMethod(nameof(Ops.AnyOf))!, value, Expression.Constant(t.Values.Cast<NumberFact>().Select(n => n.Value).ToArray()))
                    : Expression.Call(typeof(Ops).GetMethod(nameof(Ops.AnyDate))!, value, Expression.Constant(t.Values.Cast<DateFact>().Select(d => d.Value).ToArray()));
                return Of(t.Op switch
                {
                    CompareOp.Eq => Expression.Equal(value, bound),
                    CompareOp.Ne => Expression.NotEqual(value, bound),
                    CompareOp.In => any,
                    CompareOp.NotIn => Expression.Not(any),
                    CompareOp.Lt => Expression.LessThan(value, bound),
                    CompareOp.Le => Expression.LessThanOrEqual(value, bound),
                    CompareOp.Gt => Expression.GreaterThan(value, bound),
                    _ => Expression.GreaterThanOrEqual(value, bound),
                });
            });
        switch (t.Op)
        {
            case CompareOp.Eq or CompareOp.Ne or CompareOp.In or CompareOp.NotIn when t.Values[0] is CodeFact:
                // Codes the model declares are numbered; rows hold those numbered instances.
                var numbers = t.Values.Cast<CodeFact>().Select(c => c.Number).Distinct().ToArray();
                return Typed<CodeFact>(c =>
                {
                    var number = Prop<CodeFact>(c, nameof(CodeFact.Number));
                    Expression hit;
                    if (numbers.Length <= 4)
                    {
                        hit = numbers.Select(n => (Expression)Expression.Equal(number, Expression.Constant(n))).Aggregate(Expression.OrElse);
                    }
                    else
                    {
                        var table = new bool[numbers.Max() + 1];
                        foreach (var n in numbers) table[n] = true;
                        hit = Expression.Call(typeof(Ops).GetMethod(nameof(Ops.InTable))!, number, Expression.Constant(table));
                    }
                    return Of(negate ? Expression.Not(hit) : hit);
                });
            case CompareOp.Eq or CompareOp.Ne when t.Values[0] is BoolFact b:
                return Typed<BoolFact>(x => Of(negate ? Expression.NotEqual(Prop<BoolFact>(x, nameof(BoolFact.Value)), Expression.Constant(b.Value)) : Expression.Equal(Prop<BoolFact>(x, nameof(BoolFact.Value)), Expression.Constant(b.Value))));
            case CompareOp.Has or CompareOp.HasAny:
                var codes = t.Values.Cast<CodeFact>().Select(c => c.Code).ToArray();
                // A set laid out with its field's bits is tested with one AND; any other, code by code (Ops.HasAny).
                if (FieldLayout.FieldBits(t.Field.Decl) is { } bits && codes.All(bits.ContainsKey))
                {
                    var mask = codes.Aggregate(0UL, (m, c) => m | bits[c]);
                    return Typed<CodeSetFact>(x => Of(Expression.Condition(Prop<CodeSetFact>(x, nameof(CodeSetFact.Masked)),
                        Expression.NotEqual(Expression.And(Prop<CodeSetFact>(x, nameof(CodeSetFact.Mask)), Expression.Constant(mask)), Expression.Constant(0UL)),
                        Expression.Call(typeof(Ops).GetMethod(nameof(Ops.HasAny))!, x, Expression.Constant(codes)))));
                }
                return Typed<CodeSetFact>(x => Of(Expression.Call(typeof(Ops).GetMethod(nameof(Ops.HasAny))!, x, Expression.Constant(codes))));
            default:
                var bounds = t.Values.Cast<NumberFact>().Select(n => n.Value).ToArray();
                return Typed<NumberFact>(x =>
                {
                    var value = Prop<NumberFact>(x, nameof(NumberFact.Value));
                    var bound = Expression.Constant(bounds[0]);
                    return Of(t.Op switch
                    {
                        CompareOp.Eq => Expression.Equal(value, bound),
                        CompareOp.Ne => Expression.NotEqual(value, bound),
                        CompareOp.In => Expression.Call(typeof(Ops).GetMethod(nameof(Ops.AnyOf))!, value, Expression.Constant(bounds)),
                        CompareOp.NotIn => Expression.Not(Expression.Call(typeof(Ops).GetMethod(nameof(Ops.AnyOf))!, value, Expression.Constant(bounds))),
                        CompareOp.Lt => Expression.LessThan(value, bound),
                        CompareOp.Le => Expression.LessThanOrEqual(value, bound),
                        CompareOp.Gt => Expression.GreaterThan(value, bound),
                        _ => Expression.GreaterThanOrEqual(value, bound),
                    });
                });
        }
    }

    /// <summary>The operations compiled conditions call; small, so the JIT inlines most of them.</summary>
    internal static class Ops
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Tri Not(Tri t) => t switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };

        /// <summary>A settled junction drops what its operands recorded (they did not matter).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Settle(List<string>? sink, int mark, Tri result)
        {
            if (sink is not null && result != Tri.Unknown && sink.Count > mark) sink.RemoveRange(mark, sink.Count - mark);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool InTable(int number, bool[] table) => (uint)number < (uint)table.Length && table[number];

        public static bool AnyOf(decimal value, decimal[] bounds) => Array.IndexOf(bounds, value) >= 0;

        /// <summary>
        /// Whole years from <paramref name="born"/> to <paramref name="on"/> (an age: 50 from the 50th birthday on;
        /// one born on 29 February has the birthday on 28 February in other years). Reading, not meaning: both forms
        /// compare what this returns.
        /// </summary>
        public static decimal Years(NodaTime.LocalDate born, NodaTime.LocalDate on) => on < born ? -WholeYears(on, born) : WholeYears(born, on);

        // Computed, not through NodaTime's Period (an object per call, and an age is read per employee and date on the
        // batch path); the same whole years (held to Period.Between by a test, 29 February included).
        private static int WholeYears(NodaTime.LocalDate from, NodaTime.LocalDate to)
        {
            var years = to.Year - from.Year;
            // The anniversary in 'to's year: 29 February falls on the 28th in a year without one.
            var (month, day) = (from.Month, from.Day == 29 && from.Month == 2 && !DateTime.IsLeapYear(to.Year) ? 28 : from.Day);
            return to.Month < month || (to.Month == month && to.Day < day) ? years - 1 : years;
        }

        public static bool AnyDate(NodaTime.LocalDate value, NodaTime.LocalDate[] dates) => Array.IndexOf(dates, value) >= 0;

        public static bool HasAny(CodeSetFact set, string[] codes)
        {
            foreach (var c in codes)
            {
                if (set.Contains(c)) return true;
            }
            return false;
        }

        /// <summary>The employee's fact in <paramref name="slot"/>, or null.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static FactValue? Employee(DecisionSubject s, int slot)
        {
            var slots = s.Employee!.Slots;
            return (uint)slot < (uint)slots.Length ? slots[slot] : null;
        }

        /// <summary>An absent employee fact: its default, else unknown (recorded).</summary>
        public static FactValue? EmployeeAbsent(DecisionSubject s, FactValue? fallback, string key)
        {
            if (fallback is null) s.Missing?.Add($"employees[{s.Employee!.Facts.Id}].{key}");
            return fallback;
        }

        /// <summary>The unit's (or perangkat daerah's) fact in <paramref name="slot"/>, or null.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static FactValue? Unit(DecisionSubject s, bool top, int slot)
        {
            var u = top ? s.TopUnit : s.Unit;
            if (u is null) return null;
            var slots = u.Slots;
            return (uint)slot < (uint)slots.Length ? slots[slot] : null;
        }

        /// <summary>An absent unit fact: its default, else unknown (recorded); no unit at all is unknown.</summary>
        public static FactValue? UnitAbsent(DecisionSubject s, bool top, FactValue? fallback, string key)
        {
            var u = top ? s.TopUnit : s.Unit;
            if (u is null)
            {
                s.Missing?.Add($"employees[{s.Employee?.Facts.Id}].unit");
                return null;
            }
            if (fallback is null) s.Missing?.Add($"units[{u.Facts.Id}].{key}");
            return fallback;
        }

        private static readonly BoolFact ActiveByDefault = new(true);

        /// <summary>A region status field on the scope's date: the latest entry from before it; <c>active</c> unless an entry says otherwise.</summary>
        public static FactValue? Status(DecisionSubject s, string series, string field)
        {
            FactValue? v = null;
            if (s.Index.Status.TryGetValue(s.Region, out var status) && status.Series.TryGetValue(series, out var entries))
            {
                StatusEntry? current = null;
                foreach (var entry in entries)
                {
                    if (entry.From > s.Date) break;
                    current = entry;
                }
                if (current is not null) v = current.Values.TryGetValue(field, out var value) ? value : field == "active" ? ActiveByDefault : null;
            }
            return v;
        }

        /// <summary>
        /// An employee's dated fact on the scope's date: the entry that holds then (from its date until the next entry,
        /// or until its own <c>until</c>); <c>active</c> unless the entry says otherwise. Null when no entry holds.
        /// </summary>
        public static FactValue? PersonalStatus(DecisionSubject s, string series, string field)
        {
            if (!s.Employee!.Facts.Status.TryGetValue(series, out var entries) || StatusEntry.On(entries, s.Date) is not { } current) return null;
            return current.Values.TryGetValue(field, out var value) ? value : field == "active" ? ActiveByDefault : null;
        }

        /// <summary>An absent dated employee fact: the field's default, else unknown (recorded as the employee's series).</summary>
        public static FactValue? PersonalStatusAbsent(DecisionSubject s, string series, FactValue? fallback)
        {
            if (fallback is null) s.Missing?.Add($"employees[{s.Employee!.Facts.Id}].status.{series}");
            return fallback;
        }

        /// <summary>The attribute value of the scope's region, or null when the region does not state it.</summary>
        public static FactValue? Attribute(DecisionSubject s, System.Collections.Frozen.FrozenDictionary<string, FactValue> values) =>
            values.GetValueOrDefault(s.Region);

        /// <summary>An absent status: the field's default, else unknown (recorded as the series of the region).</summary>
        public static FactValue? StatusAbsent(DecisionSubject s, string series, FactValue? fallback)
        {
            if (fallback is null) s.Missing?.Add($"regions.{s.Region}.{series}");
            return fallback;
        }

        /// <summary>
        /// Whether the scope's unit (or, with <paramref name="topUnit"/>, any unit of its perangkat daerah) is within
        /// <paramref name="days"/> days of an incident of <paramref name="kind"/>, counted from the confirmation day
        /// plus <paramref name="startOffset"/>; with <paramref name="workingDays"/>, only working days of the calendar count.
        /// </summary>
        public static Tri Incident(DecisionSubject s, string kind, int days, int startOffset, bool workingDays, bool topUnit)
        {
            if (s.Index.Facts.Incidents is null)
            {
                s.Missing?.Add("incidents");
                return Tri.Unknown;
            }
            // Unit rows carry their incidents; without a unit nothing is evaluated (the walk stops first).
            var incidents = topUnit ? (s.TopUnit ?? s.Unit)?.SubtreeIncidents : s.Unit?.Incidents;
            foreach (var inc in incidents ?? [])
            {
                if (inc.Kind != kind) continue;
                // Counted in days between, never by adding to a date: a confirmed date near the calendar's end (facts
                // are the caller's) must not overflow it.
                var since = (long)Period.DaysBetween(inc.Confirmed, s.Date) - startOffset;
                if (since < 0) continue;
                if (!workingDays ? since <= days - 1 : WorkingDaysFrom(s.Index, s.Date.PlusDays(-(int)since), s.Date) <= days && s.Index.IsWorkingDay(s.Date)) return Tri.True;
            }
            return Tri.False;
        }

        /// <summary>Working days from <paramref name="first"/> to <paramref name="date"/>, both included.</summary>
        private static int WorkingDaysFrom(FactIndex index, LocalDate first, LocalDate date)
        {
            var n = 0;
            for (var d = first; d <= date && n <= 366; d = d.PlusDays(1))
            {
                if (index.IsWorkingDay(d)) n++;
                if (d == date) break; // the last day of the calendar has no next
            }
            return n;
        }
    }
}
