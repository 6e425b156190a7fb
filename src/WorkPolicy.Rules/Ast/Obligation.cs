using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Rules.Ast;

/// <summary>A time window of a day; a fixed time has <c>From == To</c>.</summary>
public sealed record TimeWindow(LocalTime From, LocalTime To);

/// <summary>The value of an obligation property.</summary>
public abstract record PropertyValue;

/// <summary>Free text.</summary>
public sealed record TextValue(string Text) : PropertyValue;

/// <summary>One vocabulary-style code, e.g. <c>whatsapp</c>.</summary>
public sealed record CodeValue(string Code) : PropertyValue;

/// <summary>Several codes.</summary>
public sealed record CodeListValue(ImmutableArray<string> Codes) : PropertyValue;

/// <summary>A number.</summary>
public sealed record NumberValue(decimal Value) : PropertyValue;

/// <summary>A percentage.</summary>
public sealed record PercentValue(decimal Value) : PropertyValue;

/// <summary>A duration such as <c>15m</c>, <c>2h</c>, <c>3d</c>.</summary>
public sealed record DurationValue(int Amount, char Unit) : PropertyValue
{
    /// <summary>The duration in minutes.</summary>
    public int Minutes => Unit switch { 'm' => Amount, 'h' => Amount * 60, _ => Amount * 1440 };
}

/// <summary>Time windows on given weekdays, e.g. Monday–Thursday 07:00–07:30.</summary>
public sealed record WindowsValue(ImmutableArray<IsoDayOfWeek> Days, ImmutableArray<TimeWindow> Windows) : PropertyValue;

/// <summary>One property of an obligation.</summary>
public sealed record PropertyDecl(string Key, PropertyValue Value, SourceSpan Span);

/// <summary>
/// Something an employee must do (check-in, report, stay-home, travel-restriction, …).
/// The kind is a code; properties carry the details.
/// </summary>
public sealed record ObligationDecl(string Kind, ImmutableArray<PropertyDecl> Properties, SourceSpan Span);
