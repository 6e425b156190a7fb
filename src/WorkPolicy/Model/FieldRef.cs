using WorkPolicy.Ast;
using WorkPolicy.Facts;

namespace WorkPolicy.Model;

/// <summary>Which entity a condition reads.</summary>
internal enum Entity : byte
{
    /// <summary>The employee.</summary>
    Employee,
    /// <summary>The employee's unit.</summary>
    Unit,
    /// <summary>The employee's perangkat daerah: the root of the unit's parent chain.</summary>
    TopUnit,
    /// <summary>The status of the employee's region on the date (a dated series).</summary>
    Region,
    /// <summary>An attribute the employee's region always has, declared with the region.</summary>
    RegionAttribute,
    /// <summary>A personal fact of the employee that changes by date (a dated series under <c>status:</c>), read on the date.</summary>
    EmployeeStatus,
}

/// <summary>
/// A field reference resolved by the linker: the entity it reads, its declaration (type and codes),
/// its slot in the facts rows (<see cref="FieldLayout"/>) and the value an absent fact takes.
/// </summary>
/// <param name="Path">The path as written, e.g. <c>top-unit.services</c>.</param>
/// <param name="Entity">The entity read.</param>
/// <param name="Key">The key within the entity (<c>health.healthy</c>; for a dated series, the series' field).</param>
/// <param name="Decl">The declaration.</param>
/// <param name="Slot">The row slot for employee and unit fields; -1 for dated series.</param>
/// <param name="Series">For a dated series: its name (e.g. <c>ppkm</c> of a region, <c>isolation</c> of an employee).</param>
/// <param name="Default">The declared default, typed; null when absence means unknown.</param>
internal sealed record FieldRef(string Path, Entity Entity, string Key, FieldDecl Decl, int Slot, string? Series, FactValue? Default)
{
    /// <summary>For a region attribute: its value per region id (a region that does not state it takes the default, or is unknown).</summary>
    public System.Collections.Frozen.FrozenDictionary<string, FactValue>? Values { get; init; }

    /// <summary>The field's type.</summary>
    public FieldKind Kind => Decl.Kind;
}
