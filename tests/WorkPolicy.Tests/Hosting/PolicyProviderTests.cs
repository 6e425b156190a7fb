using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>What the provider watches: every folder the rules were read from, and the configured ones from the start.</summary>
public class PolicyProviderTests
{
    [Fact]
    public async Task An_edit_of_the_vocabulary_above_the_rules_folder_reloads_and_rules_broken_at_start_reload_when_mended()
    {
        var folder = Directory.CreateTempSubdirectory("wp-provider-").FullName;
        var rules = Path.Combine(folder, "rules");
        Directory.CreateDirectory(rules);
        // The circular's folder has no vocabulary: the nearest one is the folder above, which the options do not name.
        var vocabulary = Path.Combine(folder, "vocabulary.wp");
        File.Copy(Repo.Path("samples", "circulars", "vocabulary.wp"), vocabulary);
        var circular = Path.Combine(rules, "palopo.wp");
        File.WriteAllText(circular, "circular broken {\n");
        await using var services = new ServiceCollection().AddLogging().AddWorkPolicy(o =>
        {
            o.Rules.Add(rules);
            o.Debounce = TimeSpan.FromMilliseconds(50);
        }).BuildServiceProvider();
        var provider = services.GetRequiredService<IPolicyProvider>();
        foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        try
        {
            provider.Current.Should().BeNull("the rules do not parse");
            Replace(circular, File.ReadAllText(Repo.Path("samples", "circulars", "palopo.wp")));
            (await Until(() => provider.Current is not null)).Should().BeTrue("the rules' folder is watched though the first load failed");
            provider.Current!.Engine.SourcePaths.Should().Contain(vocabulary);
            var before = provider.LastReload!.At;
            Replace(vocabulary, File.ReadAllText(vocabulary) + "\n// edited\n");
            (await Until(() => provider.LastReload!.At != before)).Should().BeTrue("the vocabulary read from the folder above is watched too");
        }
        finally
        {
            foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Rules_compiled_to_CSharp_answer_until_an_edit_and_the_reload_says_it_compiled_at_load()
    {
        var folder = Directory.CreateTempSubdirectory("wp-provider-").FullName;
        foreach (var f in new[] { "vocabulary.wp", "palopo.wp" }) File.Copy(Repo.Path("samples", "circulars", f), Path.Combine(folder, f));
        var source = RuleCompiler.EmitCSharp([folder], "Provider.Rules").Value!;
        var compiled = (WorkPolicy.Compiled.CompiledRuleSet)Activator.CreateInstance(InMemoryCSharp.Compile(source).GetType("Provider.Rules.CompiledRules")!)!;
        await using var services = new ServiceCollection().AddLogging().AddWorkPolicy(o =>
        {
            o.Rules.Add(folder);
            o.CompiledRules = compiled;
            o.Debounce = TimeSpan.FromMilliseconds(50);
        }).BuildServiceProvider();
        var provider = services.GetRequiredService<IPolicyProvider>();
        foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        try
        {
            provider.Current!.Engine.Rules.Circulars.Should().OnlyContain(c => c.Precompiled != null);
            provider.LastReload!.Diagnostics.Should().NotContain(d => d.Code == "WP0327");
            // An edit that changes no rule (a comment) keeps the code; one that changes a scope does not.
            var palopo = Path.Combine(folder, "palopo.wp");
            var before = provider.LastReload.At;
            Replace(palopo, File.ReadAllText(palopo) + "\n# reviewed\n");
            (await Until(() => provider.LastReload!.At != before)).Should().BeTrue("the edit is loaded");
            provider.LastReload!.Diagnostics.Should().NotContain(d => d.Code == "WP0327");
            provider.Current!.Engine.Rules.Circulars.Should().OnlyContain(c => c.Precompiled != null);
            before = provider.LastReload.At;
            Replace(palopo, File.ReadAllText(palopo).Replace("{ dinkes, damkar, satpol-pp }", "{ dinkes, damkar }", StringComparison.Ordinal));
            (await Until(() => provider.LastReload!.At != before)).Should().BeTrue("the edit is loaded");
            provider.LastReload!.Ok.Should().BeTrue();
            provider.LastReload.Diagnostics.Should().ContainSingle(d => d.Code == "WP0327");
            provider.Current!.Engine.Rules.Circulars.Should().OnlyContain(c => c.Precompiled == null, "the code was made from the rules before the edit");
        }
        finally
        {
            foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Saves as editors do: written aside, renamed over.</summary>
    private static void Replace(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static async Task<bool> Until(Func<bool> done)
    {
        for (var i = 0; i < 100 && !done(); i++) await Task.Delay(50);
        return done();
    }
}
