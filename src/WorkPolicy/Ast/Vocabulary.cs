using System.Collections.Immutable;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Ast;

/// <summary>The type of a fact field.</summary>
internal enum FieldKind
{
    /// <summary>One code out of a closed list.</summary>
    OneOf,
    /// <summary>Any number of codes out of a closed list.</summary>
    SetOf,
    /// <summary>Yes or no.</summary>
    Bool,
    /// <summary>A number.</summary>
    Number,

    /// <summary>A calendar date (<c>employee.birth_date: date</c>): compared with dates, or as an age on the decision's date.</summary>
    Date,
}

/// <summary>A fact field an analyst declares, e.g. <c>employee.position</c> with its codes.</summary>
/// <param name="Path">Entity-qualified path: <c>employee.*</c> or <c>unit.*</c>.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Codes">Allowed codes for <see cref="FieldKind.OneOf"/> and <see cref="FieldKind.SetOf"/>.</param>
/// <param name="Default">Value taken when a facts file leaves the field out; absent means "unknown".</param>
/// <param name="Span">Source span.</param>
internal sealed record FieldDecl(string Path, FieldKind Kind, ImmutableArray<string> Codes, ImmutableArray<Literal>? Default, SourceSpan Span)
{
    /// <summary>
    /// For a one-of field whose codes are levels (<c>rank { I, II, III, IV }</c>), those codes from the highest down:
    /// what <c>in top N of unit</c> reads. Empty: not ranked.
    /// </summary>
    public ImmutableArray<string> Rank { get; init; } = [];
}

/// <summary>A named predicate, e.g. <c>asn = employee.employment in { pns, pppk }</c>.</summary>
internal sealed record DefineDecl(string Name, Expr Body, SourceSpan Span);

/// <summary>A value a region always has, e.g. <c>java-bali true</c>: read by the field <c>region.NAME</c>.</summary>
internal sealed record RegionAttributeDecl(string Name, Literal Value, SourceSpan Span);

/// <summary>A region, its time zone and the attributes that do not change (dated status comes from facts).</summary>
internal sealed record RegionDecl(string Id, string Name, string Zone, SourceSpan Span)
{
    /// <summary>The region's attributes, in the order written.</summary>
    public ImmutableArray<RegionAttributeDecl> Attributes { get; init; } = [];
}

/// <summary>Codes and relations of the domain, declared in rule files so analysts can extend them.</summary>
internal sealed record VocabularyDecl(
    string Id,
    ImmutableArray<FieldDecl> Fields,
    ImmutableArray<DefineDecl> Defines,
    ImmutableArray<RegionDecl> Regions,
    SourceSpan Span);
