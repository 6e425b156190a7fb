namespace WorkPolicy.Ast;

/// <summary>What kind of constant a literal is.</summary>
internal enum LiteralKind
{
    /// <summary>A vocabulary code such as <c>pelaksana</c>.</summary>
    Code,
    /// <summary>A decimal number.</summary>
    Number,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,
    Date,
}

/// <summary>A constant in an expression or a field default; kept as its canonical text.</summary>
internal sealed record Literal(LiteralKind Kind, string Text)
{
    /// <summary>A code literal.</summary>
    public static Literal Code(string text) => new(LiteralKind.Code, text);
}
