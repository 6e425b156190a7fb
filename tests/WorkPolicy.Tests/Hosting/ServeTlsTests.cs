using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>A key never travels in clear text: <c>serve</c> over HTTPS with a certificate given as files, and the refusals at start.</summary>
public class ServeTlsTests
{
    private const string Key = "a-key-sent-only-over-tls-0123456789";

    [Fact]
    public void Plain_HTTP_off_loopback_with_a_key_and_HTTPS_without_a_certificate_are_refused_at_start_with_one_line()
    {
        var folder = Directory.CreateTempSubdirectory("wp-tls-refused-").FullName;
        try
        {
            var keys = Path.Combine(folder, "keys");
            File.WriteAllText(keys, Key + "\n");
            var shortKeys = Path.Combine(folder, "short-keys");
            File.WriteAllText(shortKeys, "k-short\n");
            var rules = Repo.Path("samples", "circulars");
            // A port already taken: the bind fails inside the host's start.
            using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            taken.Start();
            var takenPort = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            foreach (var (args, says) in new[]
            {
                (new[] { "--urls", "http://0.0.0.0:5998", "--api-key-file", keys }, "clear text"),
                (new[] { "--urls", "https://127.0.0.1:5998" }, "needs a certificate"),
                (new[] { "--urls", "http://0.0.0.0:5998", "--api-key-file", keys, "--behind-proxy", "not-an-address" }, "not an IP address"),
                (new[] { "--urls", "http://127.0.0.1:5998", "--tls-cert", keys }, "together"),
                (new[] { "--urls", "http://127.0.0.1:5998", "--retention", "90 days" }, "--retention"),
            })
            {
                var (code, _, err) = Shell.Run(["serve", rules, .. args]);
                code.Should().Be(2, string.Join(' ', args));
                err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(says);
            }
            // Refused by the options' validation or the bind, inside the host's start, as a process (its logger writes to
            // the real console): still one line saying why, and no exception logged with its stack on either stream.
            foreach (var (args, says) in new[]
            {
                (new[] { "--urls", "http://127.0.0.1:5998", "--facts", Path.Combine(folder, "no-such.yaml") }, "no such file"),
                (new[] { "--urls", "http://127.0.0.1:5998", "--api-key-file", shortKeys }, "at least 16 characters"),
                (new[] { "--urls", $"http://127.0.0.1:{takenPort}" }, "cannot listen"),
                (new[] { "--urls", "http://127.0.0.1:5998", "--records", keys }, "cannot open the records: SQLite Error 26"),
            })
            {
                var (code, output, err) = ServeProcess.RunToExit([rules, .. args]);
                code.Should().Be(2, string.Join(' ', args));
                err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(says);
                output.Should().NotContain("Exception", string.Join(' ', args));
            }
            ServiceExposure.Refusal(["http://0.0.0.0:5080"], hasKey: true, hasCertificate: false, behindProxy: true).Should().BeNull("a TLS-terminating proxy is in front");
            ServiceExposure.Refusal(["https://0.0.0.0:5443"], hasKey: true, hasCertificate: true, behindProxy: false).Should().BeNull();
            ServiceExposure.Refusal(["https://0.0.0.0:5443"], hasKey: false, hasCertificate: true, behindProxy: false).Should().Contain("--api-key-file");
            ServiceExposure.Refusal(["http://127.0.0.1:5080"], hasKey: false, hasCertificate: false, behindProxy: false).Should().BeNull("loopback");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_answers_over_HTTPS_with_a_self_made_certificate_on_127_0_0_1()
    {
        var folder = Directory.CreateTempSubdirectory("wp-tls-").FullName;
        using var certificate = SelfSigned();
        var (certPath, keyPath, keysPath) = (Path.Combine(folder, "cert.pem"), Path.Combine(folder, "key.pem"), Path.Combine(folder, "keys"));
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(keysPath, Key);
        await using var serve = ServeProcess.Start([Repo.Path("samples", "circulars"), "--tls-cert", certPath, "--tls-key", keyPath, "--api-key-file", keysPath], scheme: "https");
        var port = serve.Port;
        try
        {
            using var handler = new HttpClientHandler
            {
                // Trusted exactly: this certificate and no other.
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            (await serve.Ready(client)).Should().BeTrue(serve.Errors);
            (await client.GetAsync("/v1/rules")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            (await client.GetAsync("/v1/rules")).StatusCode.Should().Be(HttpStatusCode.OK);
            // Plain HTTP to the TLS port is not served.
            using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var answered = false;
            try { answered = (await plain.GetAsync($"http://127.0.0.1:{port}/v1/rules")).IsSuccessStatusCode; }
            catch (HttpRequestException) { }
            answered.Should().BeFalse();
        }
        finally
        {
            await serve.Kill();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
