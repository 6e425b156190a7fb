using System.Text;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Facts made to hurt: a value longer than any name may be, control characters in a code, thousands of unknown keys.
/// Each is a bounded diagnostic — quoted short and printable, counted past a stated number — never a crash, a
/// terminal escape or a diagnostic per byte.
/// </summary>
public class HostileFactsTests
{
    private static readonly Lazy<PolicyEngine> Engine = new(() => PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!);

    private const string Head = """{"units":[{"id":"u","region":"kota-palopo","kind":"dinas"}],"employees":[""";

    [Fact]
    public void A_value_with_control_characters_or_of_a_megabyte_is_quoted_short_and_printable()
    {
        var huge = new string('x', 100_000);
        var text = Head + $$"""{"id":"a","unit":"u","position":"pel\u001b[31maksana"},{"id":"b","unit":"u","position":"{{huge}}"}]}""";
        var read = Engine.Value.Facts.Parse("hostile.json", text);
        var messages = read.Diagnostics.Select(d => d.Message).ToList();
        messages.Should().HaveCount(2);
        messages[0].Should().Contain("pel\\u001B[31maksana").And.NotContain("\u001b");
        messages[1].Should().Contain("(100,000 characters)");
        messages.Should().OnlyContain(m => m.Length < 600, "a message quotes at most a short excerpt");
    }

    [Fact]
    public void Thousands_of_errors_are_counted_past_the_first_thousand_not_listed()
    {
        var keys = string.Join(",", Enumerable.Range(0, 3000).Select(i => $"\"unknown_{i}\":1"));
        var text = Head + $$"""{"id":"a","unit":"u",{{keys}}}]}""";
        var read = Engine.Value.Facts.Parse("keys.json", text);
        read.Diagnostics.Should().HaveCount(1001);
        read.Diagnostics[^1].Code.Should().Be("WP0104");
        read.Diagnostics[^1].Message.Should().Contain("2,000 more errors");
        read.Value.Should().BeNull("the facts had errors");
    }

    [Fact]
    public void A_streamed_value_longer_than_a_megabyte_is_WP0103_not_a_growing_window()
    {
        // Before: the window doubled for every token, and a 1 GiB string overflowed it (exit 70, no decision at all).
        var employees = Enumerable.Range(0, 50).Select(i => $$"""{"id":"e{{i}}","unit":"u","position":"pelaksana"}""").ToList();
        employees.Insert(25, $$"""{"id":"long","unit":"u","position":"{{new string('y', 3 << 20)}}"}""");
        var text = Head + string.Join(",\n", employees) + "]}";
        var opened = Engine.Value.Facts.Open("long.json", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var decided = opened.Value is { } facts ? Engine.Value.DecideAll(facts, new LocalDate(2021, 7, 30), new LocalDate(2021, 7, 30)).Count() : 0;
        var diagnostics = opened.Value?.Diagnostics ?? opened.Diagnostics;
        diagnostics.Should().Contain(d => d.Code == "WP0103" && d.Message.Contains("1,048,576 bytes"));
        decided.Should().BeLessThan(50, "what comes after the value cannot be read");
    }

    [Fact]
    public void A_stream_that_never_ends_is_refused_at_the_limit_not_held()
    {
        // This thread's allocations, not the process's: tests running beside this one allocate too (CI failed on that).
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = Engine.Value.Facts.Read("endless.json", new Endless());
        read.Value.Should().BeNull();
        read.Diagnostics.Should().ContainSingle(d => d.Code == "WP0002");
        // About the limit (256 MiB) and its buffer's growth, not what the stream would give.
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1L << 30);
    }

    /// <summary>Spaces forever: what a client that never stops sending looks like.</summary>
    private sealed class Endless : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
