using System.Text;
using System.Text.Unicode;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Loading;

/// <summary>
/// The text of a UTF-8 stream for a parser that reads it as it goes: decoded strictly a block at a time, and
/// checked as it is handed out — an invalid byte or a character YAML refuses (<see cref="ControlCharacters"/>)
/// stops the reading with <see cref="Refused"/>, naming its line and column, before the parser sees it. What
/// <see cref="SourceText.Decode"/> and <see cref="ControlCharacters.Find"/> do for a whole text, for a stream.
/// </summary>
internal sealed class CheckedText : TextReader
{
    private readonly string _path;
    private readonly Stream _source;
    private readonly byte[] _bytes = new byte[64 * 1024];
    private readonly char[] _chars = new char[64 * 1024 + 1];
    private int _bytesHeld;
    private int _position;
    private int _length;
    private bool _ended;
    // Where the first invalid byte is, in the decoded characters (-1: none met).
    private int _invalidAt = -1;
    private int _line = 1;
    private int _column = 1;

    /// <summary>Reading stopped at a byte or character the text may not have.</summary>
    public sealed class Refused(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        /// <summary>What was refused, and where.</summary>
        public Diagnostic Diagnostic { get; } = diagnostic;
    }

    /// <summary>The text of <paramref name="source"/>, after <paramref name="head"/> (bytes already taken from it; a BOM is dropped).</summary>
    public CheckedText(string path, Stream source, ReadOnlySpan<byte> head)
    {
        _path = path;
        _source = source;
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        head.CopyTo(_bytes);
        _bytesHeld = head.Length;
    }

    /// <inheritdoc/>
    public override int Peek() => Ready() ? _chars[_position] : -1;

    /// <inheritdoc/>
    public override int Read() => Ready() ? Hand(_chars[_position++]) : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Ready()) return 0;
        var n = Math.Min(buffer.Length, (_invalidAt >= 0 ? _invalidAt : _length) - _position);
        for (var i = 0; i < n; i++) buffer[i] = (char)Hand(_chars[_position++]);
        return n;
    }

    /// <summary>Whether a character is ready at <c>_position</c>; throws when it is an invalid byte's place.</summary>
    private bool Ready()
    {
        if (_position == _invalidAt) throw new Refused(Diagnostic.Create(DiagnosticMessages.FileNotValidUtf8, SourceSpan.At(_path, _line, _column)));
        if (_position < _length) return true;
        if (_ended) return false;
        Decode();
        if (_position == _invalidAt) throw new Refused(Diagnostic.Create(DiagnosticMessages.FileNotValidUtf8, SourceSpan.At(_path, _line, _column)));
        return _position < _length;
    }

    private int Hand(char c)
    {
        if (ControlCharacters.IsRefused(c))
            throw new Refused(Diagnostic.Create(DiagnosticMessages.ControlCharacterNotAllowed, SourceSpan.At(_path, _line, _column), (int)c));
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else _column++;
        return c;
    }

    /// <summary>Decodes the next block (at least one character, unless the stream has ended).</summary>
    private void Decode()
    {
        _position = _length = 0;
        while (_length == 0 && !_ended)
        {
            int n;
            while (_bytesHeld < _bytes.Length && (n = _source.Read(_bytes, _bytesHeld, _bytes.Length - _bytesHeld)) > 0) _bytesHeld += n;
            var final = _bytesHeld < _bytes.Length;
            var status = Utf8.ToUtf16(_bytes.AsSpan(0, _bytesHeld), _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: final);
            _length = written;
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                // The characters before it are handed out; the reader stops where it is.
                _invalidAt = written;
                _ended = true;
                return;
            }
            Buffer.BlockCopy(_bytes, read, _bytes, 0, _bytesHeld - read);
            _bytesHeld -= read;
            _ended = final && _bytesHeld == 0;
        }
    }
}
