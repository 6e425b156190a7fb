using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace WorkPolicy.Tests;

/// <summary>
/// HTTP/1.1 as an attacker writes it: the request's bytes exactly as given (a path HttpClient would normalise, bytes
/// that are not UTF-8, broken chunked framing), over a loopback socket, one request a connection.
/// </summary>
internal static class RawHttp
{
    public sealed record Answer(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public bool IsProblem => ContentType.StartsWith("application/problem+json", StringComparison.Ordinal) && Json.TryGetProperty("status", out _);
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> with the headers and body given, and reads the whole answer.</summary>
    public static Task<Answer> Send(Uri server, string method, string target, byte[]? body = null, string? key = null, string? extraHeaders = null, bool chunked = false)
    {
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        if (key is not null) head.Append($"Authorization: Bearer {key}\r\n");
        if (body is not null)
        {
            head.Append("Content-Type: application/json\r\n");
            head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        }
        if (extraHeaders is not null) head.Append(extraHeaders);
        head.Append("\r\n");
        return Exchange(server, [.. Encoding.ASCII.GetBytes(head.ToString()), .. body ?? []]);
    }

    /// <summary>Writes <paramref name="request"/> as it is and reads the answer until the server closes (bounded: 20 s).</summary>
    public static async Task<Answer> Exchange(Uri server, byte[] request)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request, timeout.Token);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, timeout.Token);
        return Parse(answer.ToArray());
    }

    /// <summary>Opens a connection and sends the head and part of a body, holding the request open until disposed.</summary>
    public static async Task<TcpClient> Hold(Uri server, string method, string target, int contentLength, byte[] part)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var head = $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\n\r\n";
        await client.GetStream().WriteAsync((byte[])[.. Encoding.ASCII.GetBytes(head), .. part]);
        return client;
    }

    private static Answer Parse(byte[] raw)
    {
        var split = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.ASCII.GetString(raw, 0, split).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = raw[(split + 4)..];
        // A HEAD answer says how its GET answer would be framed and carries no body at all.
        if (body.Length > 0 && headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase)) body = Unchunk(body);
        return new Answer(status, headers.GetValueOrDefault("content-type", ""), Encoding.UTF8.GetString(body), headers);
    }

    private static byte[] Unchunk(byte[] body)
    {
        using var result = new MemoryStream();
        var at = 0;
        while (true)
        {
            var end = at + body.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, end - at).Split(';')[0], 16);
            if (size == 0) return result.ToArray();
            result.Write(body, end + 2, size);
            at = end + 2 + size + 2;
        }
    }
}
