using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using NodaTime;
using WorkPolicy.Generation;

namespace WorkPolicy.Querying;

/// <summary>
/// A residual's terms of one mode as a predicate over an app's own employee records, for LINQ (EF Core translates it to
/// its database's SQL): the unit a <c>Unit</c> property, each field the property its words name in PascalCase
/// (<c>employee.it_capable</c> → <c>ItCapable</c>, <c>health.healthy</c> → <c>Health.Healthy</c> on a nested record),
/// as the typed facts of WorkPolicy.Build lay them out. A code compares with an enum member of the same name
/// (<c>jpt-pratama</c> → <c>JptPratama</c>) or with a string; null is absent — the same classes, by the same tests, as
/// the SQL (<see cref="SqlTranslator"/>).
/// </summary>
[RequiresUnreferencedCode("Reads the record type's properties by name.")]
[RequiresDynamicCode("Builds an expression tree over the record type.")]
internal static class LinqTranslator
{
    [RequiresUnreferencedCode("Reads the record type's properties by name.")]
    [RequiresDynamicCode("Builds an expression tree over the record type.")]
    public static Expression<Func<T, bool>> Translate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(ResidualDecisions residual, WorkMode mode)
    {
        var x = Expression.Parameter(typeof(T), "employee");
        var unit = Property(x, "Unit", "the unit's id");
        Expression? any = null;
        foreach (var term in residual.For(mode))
        {
            Expression all = In(unit, term.Units);
            foreach (var condition in term.Conditions)
            {
                var key = condition.Field.StartsWith("employee.", StringComparison.Ordinal) ? condition.Field["employee.".Length..] : condition.Field;
                if (condition.Classes.FirstOrDefault() is RankTest)
                    throw new NotSupportedException($"'{condition.Text}' reads the levels of the unit's staff: a record cannot hold them (use the SQL translation)");
                if (key.StartsWith("status.", StringComparison.Ordinal))
                    throw new NotSupportedException($"'{key}' is a dated series: a record property cannot hold it (use the SQL translation)");
                // The member chain as it is (x.Health.Chronic), absent where a record on the way is null: checked first, so a
                // query provider translates the plain chain and LINQ over objects never reads through a null.
                Expression value = x;
                Expression ownersNull = Expression.Constant(false);
                foreach (var part in key.Split('.'))
                {
                    if (value != x) ownersNull = Or(ownersNull, Expression.Equal(value, Expression.Constant(null, value.Type)));
                    value = Property(value, FactTypesNames.Pascal(part), key);
                }
                var isNull = Or(ownersNull, value.Type.IsValueType && System.Nullable.GetUnderlyingType(value.Type) is null ? Expression.Constant(false) : Expression.Equal(value, Expression.Constant(null, value.Type)));
                all = Expression.AndAlso(all, condition.Classes.Select(c => Class(c, value, isNull, key)).Aggregate(Expression.OrElse));
            }
            any = any is null ? all : Expression.OrElse(any, all);
        }
        if (mode == WorkMode.Indeterminate)
        {
            var stranger = Expression.OrElse(Expression.Equal(unit, Expression.Constant(null, typeof(string))), Expression.Not(In(unit, residual.Units)));
            any = any is null ? stranger : Expression.OrElse(any, stranger);
        }
        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), x);
    }

    /// <summary>An OR that leaves out a constant false (so a plain field's test reads plainly).</summary>
    private static Expression Or(Expression a, Expression b) => a is ConstantExpression { Value: false } ? b : b is ConstantExpression { Value: false } ? a : Expression.OrElse(a, b);

    [RequiresUnreferencedCode("Reads the record type's properties by name.")]
    private static MemberExpression Property(Expression owner, string name, string what)
    {
        var type = System.Nullable.GetUnderlyingType(owner.Type) ?? owner.Type;
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{type.Name} has no property {name} for {what}", "T");
        return Expression.Property(owner.Type == type ? owner : Expression.Convert(owner, type), property);
    }

    private static Expression In(Expression value, IEnumerable<string> codes) =>
        codes.Select(c => (Expression)Expression.Equal(value, Expression.Constant(c, typeof(string)))).DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse);

    [RequiresDynamicCode("Builds an expression tree over the record type.")]
    private static Expression Class(ClassTest test, Expression value, Expression isNull, string key)
    {
        if (test is SetTest set) return Set(set, value, isNull);
        Expression? known = test switch
        {
            AbsentTest => null,
            CodeTest c => c.Outside ? Expression.Not(Codes(value, c.Codes)) : Codes(value, c.Codes),
            BoolTest b => Expression.Equal(Value(value), Expression.Constant(b.Value)),
            NumberTest n => Range(Value(value), n.Low, n.LowIncluded, n.High, n.HighIncluded, v => Expression.Constant(v, typeof(decimal)), key),
            DateTest d => Range(Value(value), d.From, true, d.To, true, v => Expression.Constant(v, typeof(LocalDate)), key),
            _ => throw new InvalidOperationException($"no expression for {test.GetType().Name}"),
        };
        if (known is null) return isNull;
        return test.OrAbsent ? Expression.OrElse(isNull, known) : Expression.AndAlso(Expression.Not(isNull), known);
    }

    private static Expression Value(Expression value) => System.Nullable.GetUnderlyingType(value.Type) is not null ? Expression.Property(value, "Value") : value;

    /// <summary>A code: an enum member named by its words, or the string itself.</summary>
    private static Expression Codes(Expression value, IEnumerable<string> codes)
    {
        var plain = Value(value);
        return codes.Select(code => (Expression)Expression.Equal(plain, plain.Type.IsEnum ? Expression.Constant(Enum.Parse(plain.Type, FactTypesNames.Pascal(code))) : Expression.Constant(code, typeof(string))))
            .Aggregate(Expression.OrElse);
    }

    [RequiresDynamicCode("Builds an expression tree over the record type.")]
    private static Expression Set(SetTest set, Expression value, Expression isNull)
    {
        // A collection of codes (enum members or strings): any of the group's codes in it — none when it is null (the empty set).
        var element = value.Type.IsArray ? value.Type.GetElementType()! : value.Type.GetInterfaces().Append(value.Type)
            .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
        var item = Expression.Parameter(element, "code");
        var match = Expression.Lambda(Codes(item, set.Codes), item);
        var anyOf = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [element], value, match);
        var holds = Expression.AndAlso(Expression.Not(isNull), anyOf);
        return set.Any ? holds : Expression.Not(holds);
    }

    private static Expression Range<TBound>(Expression value, TBound? low, bool lowIncluded, TBound? high, bool highIncluded, Func<TBound, Expression> constant, string key) where TBound : struct
    {
        if (value.Type != typeof(TBound)) throw new ArgumentException($"'{key}' is read as {typeof(TBound).Name}: the record's property is {value.Type.Name}", "T");
        Expression result = Expression.Constant(true);
        if (low is { } l) result = Expression.AndAlso(result, lowIncluded ? Expression.GreaterThanOrEqual(value, constant(l)) : Expression.GreaterThan(value, constant(l)));
        if (high is { } h) result = Expression.AndAlso(result, highIncluded ? Expression.LessThanOrEqual(value, constant(h)) : Expression.LessThan(value, constant(h)));
        return result;
    }
}
