using System.Diagnostics;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace WorkPolicy.Tests;

/// <summary>
/// The printable roster as a reader gets it: rendered by headless Chromium to PDF and read back as text.
/// Where Chromium or pdftotext is missing the test says so and passes, unless WORKPOLICY_BROWSER_TESTS=required
/// (as in .ci/run, which installs them).
/// </summary>
public sealed class RosterPrintTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("wp-print-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    private static string Execute(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit(120_000).Should().BeTrue($"{file} should finish");
        p.ExitCode.Should().Be(0, stderr.Result);
        return stdout.Result;
    }

    [Fact]
    public void The_printed_roster_has_a_page_per_perangkat_daerah_with_unit_names_rules_and_quotas_in_indonesian()
    {
        var (chromium, pdftotext) = (Find("chromium") ?? Find("chromium-browser"), Find("pdftotext"));
        if (chromium is null || pdftotext is null)
        {
            Environment.GetEnvironmentVariable("WORKPOLICY_BROWSER_TESTS").Should().NotBe("required", "Chromium and pdftotext are required here");
            output.WriteLine("chromium or pdftotext not installed: the printed roster is not rendered");
            return;
        }
        var html = Path.Combine(_temp, "roster.html");
        var (code, page, _) = Shell.Run("roster", Repo.Path("samples", "circulars"), "--facts", Repo.Path("samples", "facts", "sample.facts.yaml"),
            "--from", "2021-08-02", "--to", "2021-08-08", "--format", "html");
        code.Should().Be(0);
        File.WriteAllText(html, page);
        var pdf = Path.Combine(_temp, "roster.pdf");
        Execute(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(_temp, "profile")}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri);
        var pages = Execute(pdftotext, "-layout", pdf, "-").Split('\f').Where(p => p.Trim().Length > 0).ToList();

        var sections = page.Split("<section>").Length - 1;
        pages.Should().HaveCount(sections, "each perangkat daerah starts a page of its own");
        var disdik = pages.Single(p => p.Contains("Perangkat daerah: Dinas Pendidikan Kota Palopo"));
        disdik.Should().Contain("SD Negeri 1 Palopo", "units are shown by the names the facts give");
        disdik.Should().NotContain("sd-01-plp");
        disdik.Should().Contain("palopo-2021-wfh/p1-rotation", "each row names the provision that decides it");
        disdik.Should().MatchRegex(@"Sen\s+Sel\s+Rab\s+Kam\s+Jum\s+Sab\s+Min").And.NotContain("Mon");
        // Palopo takes its quarter in turns: the pool of three has one office day on three of the five working days.
        disdik.Should().MatchRegex(@"pegawai\s+Dinas Pendidikan Kota Palopo\s+kantor\s+0/0\s+1/1\s+1/1\s+1/1\s+0/0");
        pages.Should().OnlyContain(p => p.Contains("K = kantor, R = rumah, L = libur"));
    }
}
