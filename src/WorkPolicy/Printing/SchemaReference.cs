namespace WorkPolicy.Printing;

/// <summary>Where a YAML rule file finds the JSON Schema editors validate it with.</summary>
internal static class SchemaReference
{
    private const string Schema = "rules.schema.json";

    /// <summary>
    /// The schema for a file written at <paramref name="path"/>: the nearest <c>schemas/rules.schema.json</c> in
    /// its folder or the folders above it; else the schema shipped beside the tool; else null (no comment is written).
    /// Either is written relative to the file, so the text names no absolute path of the machine it was made on.
    /// </summary>
    public static string? For(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        for (var dir = folder is null ? null : new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", Schema);
            if (File.Exists(candidate)) return Path.GetRelativePath(folder!, candidate).Replace('\\', '/');
        }
        var shipped = Path.Combine(AppContext.BaseDirectory, "schemas", Schema);
        return File.Exists(shipped) ? Path.GetRelativePath(folder ?? ".", shipped).Replace('\\', '/') : null;
    }
}
