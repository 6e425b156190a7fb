using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Ast;

/// <summary>The value of an obligation property.</summary>
internal abstract record PropertyValue;

/// <summary>Free text.</summary>
internal sealed record TextValue(string Text) : PropertyValue;

/// <summary>One vocabulary-style code, e.g. <c>whatsapp</c>.</summary>
internal sealed record CodeValue(string Code) : PropertyValue;

/// <summary>Several codes.</summary>
internal sealed record CodeListValue(ImmutableArray<string> Codes) : PropertyValue;

/// <summary>A number.</summary>
internal sealed record NumberValue(decimal Value) : PropertyValue;

/// <summary>A percentage.</summary>
internal sealed record PercentValue(decimal Value) : PropertyValue;

/// <summary>A duration such as <c>15m</c>, <c>2h</c>, <c>3d</c>.</summary>
internal sealed record DurationValue(int Amount, char Unit) : PropertyValue
{
    /// <summary>The duration in minutes.</summary>
    public int Minutes => Unit switch { 'm' => Amount, 'h' => Amount * 60, _ => Amount * 1440 };
}

/// <summary>Time windows on given weekdays, e.g. Monday–Thursday 07:00–07:30.</summary>
internal sealed record WindowsValue(ImmutableArray<IsoDayOfWeek> Days, ImmutableArray<TimeWindow> Windows) : PropertyValue;

/// <summary>One property of an obligation.</summary>
internal sealed record PropertyDecl(string Key, PropertyValue Value, SourceSpan Span);

/// <summary>
/// Something an employee must do (check-in, report, stay-home, travel-restriction, …).
/// The kind is a code; properties carry the details.
/// </summary>
internal sealed record ObligationDecl(string Kind, ImmutableArray<PropertyDecl> Properties, SourceSpan Span);
