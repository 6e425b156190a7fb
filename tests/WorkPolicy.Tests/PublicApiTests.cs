using System.Reflection;
using System.Text;
using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The public API of the packages is pinned in api/*.txt so every change to it is deliberate: when
/// this fails, review the difference and copy the printed file over the baseline
/// (or run the tests with WORKPOLICY_ACCEPT_API=1).
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Assemblies() => ["WorkPolicy", "WorkPolicy.LanguageServer", "WorkPolicy.Hosting"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Public_api_matches_the_baseline(string name)
    {
        var assembly = Assembly.Load(name);
        var actual = Describe(assembly);
        var baseline = Repo.Path("api", name + ".txt");
        if (Environment.GetEnvironmentVariable("WORKPOLICY_ACCEPT_API") == "1") File.WriteAllText(baseline, actual);
        var received = Path.Combine(Path.GetTempPath(), name + ".api.received.txt");
        File.WriteAllText(received, actual);
        File.Exists(baseline).Should().BeTrue($"the baseline {baseline} exists (the current API is in {received})");
        actual.Should().Be(File.ReadAllText(baseline), $"the public API of {name} changed; if that is deliberate, copy {received} to {baseline}");
    }

    private static string Describe(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append(Kind(type)).Append(' ').Append(type.FullName);
            if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum)) sb.Append(" : ").Append(b.FullName);
            sb.Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !(type.IsEnum && m.Name == "value__"))
                .Select(m => "  " + m.MemberType + " " + m)
                .Order(StringComparer.Ordinal);
            foreach (var m in members) sb.Append(m).Append('\n');
        }
        return sb.ToString();
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsAbstract ? "abstract class" : "class";
}
