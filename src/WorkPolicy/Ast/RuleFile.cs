using System.Collections.Immutable;

namespace WorkPolicy.Ast;

/// <summary>What one rule file (DSL or YAML) declares.</summary>
internal sealed record RuleFile(string Path, ImmutableArray<VocabularyDecl> Vocabularies, ImmutableArray<CircularDecl> Circulars)
{
    /// <summary>The file's comments, by the declaration they precede or end.</summary>
    public Comments Comments { get; init; } = Comments.None;

    /// <summary>The SHA-256 of the text the file was parsed from (line ends as <c>\n</c>): what a rule set's revision is made of.</summary>
    public byte[] Digest { get; init; } = [];
}
