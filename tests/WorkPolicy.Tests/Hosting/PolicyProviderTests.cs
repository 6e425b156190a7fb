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
