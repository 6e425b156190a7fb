using System.Collections;
using System.Collections.Immutable;

namespace WorkPolicy;

/// <summary>
/// An immutable list that compares by content and prints its items, so that results holding lists have
/// value equality and a readable <c>ToString()</c> (an <see cref="ImmutableArray{T}"/> compares by reference).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <example>
/// <code>
/// ValueList&lt;string&gt; a = ImmutableArray.Create("x", "y");
/// ValueList&lt;string&gt; b = ImmutableArray.Create("x", "y");
/// Console.WriteLine(a == b);   // True
/// Console.WriteLine(a);        // [x, y]
/// </code>
/// </example>
[System.Runtime.CompilerServices.CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    /// <summary>A list of <paramref name="items"/>.</summary>
    public ValueList(ImmutableArray<T> items) => _items = items.IsDefault ? [] : items;

    /// <summary>The items, as an immutable array.</summary>
    public ImmutableArray<T> Items => _items.IsDefault ? [] : _items;

    /// <inheritdoc/>
    public int Count => Items.Length;

    /// <summary>Whether the list holds no item.</summary>
    public bool IsEmpty => Items.IsEmpty;

    /// <inheritdoc/>
    public T this[int index] => Items[index];

    /// <summary>A list of <paramref name="items"/>.</summary>
    public static implicit operator ValueList<T>(ImmutableArray<T> items) => new(items);

    /// <summary>The items as an immutable array.</summary>
    public static implicit operator ImmutableArray<T>(ValueList<T> list) => list.Items;

    /// <summary>Equal when both hold equal items in the same order.</summary>
    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    /// <summary>Not equal when the items differ.</summary>
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    /// <summary>Equal when both hold equal items in the same order.</summary>
    public bool Equals(ValueList<T> other) => Items.SequenceEqual(other.Items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>The items, e.g. <c>[a, b]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    /// <summary>Enumerates without allocating.</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();
}

/// <summary>Makes <see cref="ValueList{T}"/>s, e.g. from a collection expression.</summary>
public static class ValueList
{
    /// <summary>A list of <paramref name="items"/>.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);
}
