using System.Text;
using System.Text.Json;
using NodaTime;
using WorkPolicy.Diagnostics;
using WorkPolicy.Parsing;
using WorkPolicy.Rostering;

namespace WorkPolicy.Output;

/// <summary>
/// Reads a roster file of any size as a stream — the JSON <c>roster</c> writes (its <c>assignments</c>; the rest is
/// passed over) or CSV with the header <c>employee,date,place</c> — handing each place to <c>add</c> as it is read: what
/// is held is what the caller keeps (<see cref="RosterPlaces"/>: a byte per employee and day), never the file.
/// Diagnostics name the line (and column, for CSV), quote values short and printable (as every message does), and
/// stop at <see cref="MostReported"/>, then count. A place given twice for one employee and day is an error at the
/// second (which of them is meant is not known), and so are bytes that are not UTF-8.
/// </summary>
internal static class RosterReader
{
    /// <summary>Diagnostics reported at most; the rest are counted in one more.</summary>
    public const int MostReported = 100;

    /// <summary>A JSON token larger than this is refused (a name, a date, a place are a few bytes).</summary>
    private const int MaxToken = 1 << 20;

    /// <summary>Reads the roster of <paramref name="stream"/> (named <paramref name="path"/>) into <paramref name="add"/>, problems into <paramref name="diagnostics"/>.</summary>
    /// <param name="path">The file's name, for diagnostics.</param>
    /// <param name="stream">The roster's bytes.</param>
    /// <param name="add">Takes a place read; false when the employee already has one that day (reported).</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static void Read(string path, Stream stream, Func<string, LocalDate, RosterPlace, bool> add, List<Diagnostic> diagnostics)
    {
        var reported = new Reported(path, diagnostics);
        var first = stream.ReadByte();
        while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF) first = stream.ReadByte();
        // The byte looked at is put back in front of the rest.
        var rest = first < 0 ? Stream.Null : new PrefixedStream((byte)first, stream);
        if (first == '{') ReadJson(rest, add, reported);
        else ReadCsv(rest, add, reported);
        reported.Finish();
    }

    /// <summary>The longest CSV line read: a longer one is reported and passed over, never held whole.</summary>
    public const int MaxLine = 1 << 16;

    private static void ReadCsv(Stream stream, Func<string, LocalDate, RosterPlace, bool> add, Reported reported)
    {
        // Lines split and decoded here, strictly: bytes that are not UTF-8 are an error at their line and column.
        var lines = new BoundedLines(stream, MaxLine);
        var headerLine = lines.Next(out _) ?? "";
        if (Unreadable(lines, 1, reported)) return;
        var header = headerLine.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int ie = header.IndexOf("employee"), id = header.IndexOf("date"), ip = header.IndexOf("place");
        if (ie < 0 || id < 0 || ip < 0)
        {
            reported.Add(DiagnosticMessages.RosterHeaderMissing, 1, 1);
            return;
        }
        var line = 1;
        for (var text = lines.Next(out var tooLong); text is not null; text = lines.Next(out tooLong))
        {
            line++;
            if (Unreadable(lines, line, reported))
            {
                // A NUL is no text: the file is binary (or a device that never ends), not read on to its end.
                if (lines.HeldNul) return;
                continue;
            }
            if (tooLong)
            {
                reported.Add(DiagnosticMessages.LineTooLong, line, 1, MaxLine);
                continue;
            }
            if (string.IsNullOrWhiteSpace(text)) continue;
            var cols = text.Split(',');
            if (cols.Length <= Math.Max(ie, Math.Max(id, ip)))
            {
                reported.Add(DiagnosticMessages.ColumnCount, line, 1, header.Count, cols.Length);
                continue;
            }
            var dateText = cols[id].Trim();
            if (!Values.TryDate(dateText, out var date))
            {
                reported.Add(DiagnosticMessages.NotDate, line, ColumnOf(text, id), dateText);
                continue;
            }
            if (!Places.TryParse(cols[ip], out var place))
            {
                reported.Add(DiagnosticMessages.NotPlace, line, ColumnOf(text, ip), cols[ip].Trim());
                continue;
            }
            var employee = cols[ie].Trim();
            if (!add(employee, date, place)) reported.Add(DiagnosticMessages.RosterPlaceTwice, line, ColumnOf(text, ie), employee, dateText);
        }
    }

    /// <summary>Reports the line just read when it is not text — bytes that are not UTF-8 (UTF-16 among them), or a NUL.</summary>
    private static bool Unreadable(BoundedLines lines, int line, Reported reported)
    {
        if (lines.NotUtf8At > 0) reported.Add(DiagnosticMessages.FileNotValidUtf8, line, lines.NotUtf8At);
        else if (lines.HeldNul) reported.Add(DiagnosticMessages.ControlCharacterNotAllowed, line, 1, 0);
        else return false;
        return true;
    }

    /// <summary>
    /// Lines of a stream of UTF-8, each at most <c>max</c> characters: a longer one is passed over (read, not kept) and
    /// flagged; a line whose bytes are not UTF-8 is flagged with the column of the first that is not, not decoded with
    /// characters put in their place.
    /// </summary>
    private sealed class BoundedLines(Stream stream, int max)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        // A line's bytes: at most four a character, so what is held stays bounded.
        private readonly byte[] _line = new byte[max * 4];
        private readonly char[] _chars = new char[max * 4];
        private int _at, _length, _held;

        /// <summary>Whether the line just read held a NUL: reading stopped there.</summary>
        public bool HeldNul { get; private set; }

        /// <summary>For the line just read, the column of its first byte that is not UTF-8; 0 when it is all UTF-8.</summary>
        public int NotUtf8At { get; private set; }

        public string? Next(out bool tooLong)
        {
            _held = 0;
            NotUtf8At = 0;
            tooLong = false;
            var any = false;
            while (true)
            {
                if (_at == _length)
                {
                    _length = stream.Read(_buffer, 0, _buffer.Length);
                    _at = 0;
                    if (_length == 0) return any ? Done(ref tooLong) : null;
                }
                any = true;
                var end = Array.IndexOf(_buffer, (byte)'\n', _at, _length - _at);
                var stop = end < 0 ? _length : end;
                if (Array.IndexOf(_buffer, (byte)0, _at, stop - _at) is var nul and >= 0)
                {
                    // UTF-16 (a NUL in every other byte, after FF FE) is not UTF-8, and is said so; a NUL in UTF-8 text
                    // is no text at all: the file is binary (or a device that never ends), not read on.
                    HeldNul = true;
                    if (!tooLong && _held + nul - _at <= _line.Length)
                    {
                        Buffer.BlockCopy(_buffer, _at, _line, _held, nul - _at);
                        _held += nul - _at;
                        Done(ref tooLong);
                    }
                    return "";
                }
                if (!tooLong && _held + stop - _at <= _line.Length)
                {
                    Buffer.BlockCopy(_buffer, _at, _line, _held, stop - _at);
                    _held += stop - _at;
                }
                else tooLong = true;
                _at = end < 0 ? _length : end + 1;
                if (end >= 0) return Done(ref tooLong);
            }
        }

        private string Done(ref bool tooLong)
        {
            if (tooLong) return "";
            if (System.Text.Unicode.Utf8.ToUtf16(_line.AsSpan(0, _held), _chars, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            {
                NotUtf8At = written + 1;
                return "";
            }
            if (written > max)
            {
                tooLong = true;
                return "";
            }
            return new string(_chars, 0, written).TrimEnd('\r');
        }
    }

    private static int ColumnOf(string line, int column)
    {
        var col = 1;
        for (var c = 0; c < column; c++) col = line.IndexOf(',', col - 1) + 2;
        return col;
    }

    /// <summary>The assignments of <c>{ "assignments": [ { employee, date, place } ], … }</c>, read token by token.</summary>
    private static void ReadJson(Stream stream, Func<string, LocalDate, RosterPlace, bool> add, Reported reported)
    {
        var buffer = new byte[1 << 16];
        var length = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 16 });
        // Where the reader stands: in the assignments (depth 1 property), in one assignment (depth 2), its member names.
        var inAssignments = false;
        var sawRoot = false;
        string? property = null, employee = null, dateText = null, placeText = null;
        // Where each assignment begins, counted as the bytes go by (each byte once): one that is not valid is named there.
        int scanned = 0, lines = 0, lineStart = 0, startLine = 1, startColumn = 1;
        void Advance(int to)
        {
            var span = buffer.AsSpan(scanned, to - scanned);
            lines += span.Count((byte)'\n');
            if (span.LastIndexOf((byte)'\n') is var last and >= 0) lineStart = scanned + last + 1;
            scanned = to;
        }
        try
        {
            while (true)
            {
                if (!final)
                {
                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0) final = true;
                    length += read;
                }
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
                while (reader.Read())
                {
                    if (!sawRoot)
                    {
                        sawRoot = true;
                        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a roster is a JSON object with 'assignments'");
                    }
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                            inAssignments = reader.ValueTextEquals("assignments"u8);
                            break;
                        case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                            inAssignments = false;
                            break;
                        case JsonTokenType.StartObject when inAssignments && reader.CurrentDepth == 2:
                            employee = dateText = placeText = null;
                            Advance((int)reader.TokenStartIndex);
                            (startLine, startColumn) = (lines + 1, (int)reader.TokenStartIndex - lineStart + 1);
                            break;
                        case JsonTokenType.PropertyName when inAssignments && reader.CurrentDepth == 3:
                            property = reader.GetString();
                            break;
                        case JsonTokenType.String when inAssignments && reader.CurrentDepth == 3:
                            switch (property)
                            {
                                case "employee": employee = reader.GetString(); break;
                                case "date": dateText = reader.GetString(); break;
                                case "place": placeText = reader.GetString(); break;
                            }
                            break;
                        case JsonTokenType.EndObject when inAssignments && reader.CurrentDepth == 2:
                            if (employee is not null && Values.TryDate(dateText ?? "", out var date) && Places.TryParse(placeText ?? "", out var place))
                            {
                                if (!add(employee, date, place)) reported.Add(DiagnosticMessages.RosterPlaceTwice, startLine, startColumn, employee, dateText);
                            }
                            else reported.Add(DiagnosticMessages.AssignmentInvalid, startLine, startColumn, dateText ?? "", placeText ?? "");
                            break;
                    }
                }
                if (final) break;
                var consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
                if (consumed == 0 && length == buffer.Length)
                {
                    if (buffer.Length >= MaxToken) throw new JsonException($"a value longer than {MaxToken / 1024} KiB");
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                Advance(Math.Max(consumed, scanned));
                (scanned, lineStart) = (scanned - consumed, lineStart - consumed);
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
        }
        catch (JsonException ex)
        {
            reported.Add(DiagnosticMessages.NotRoster, ex.LineNumber is { } l ? (int)l + 1 : 1, ex.BytePositionInLine is { } b ? (int)b + 1 : 1, ex.Message);
        }
    }

    private sealed class Reported(string path, List<Diagnostic> into)
    {
        private int _reported, _unreported;

        public void Add(DiagnosticMessage message, int line, int column, params object?[] args)
        {
            if (_reported == MostReported)
            {
                _unreported++;
                return;
            }
            _reported++;
            into.Add(Diagnostic.Create(message, SourceSpan.At(path, line, column), args));
        }

        public void Finish()
        {
            if (_unreported > 0) into.Add(Diagnostic.Create(DiagnosticMessages.MoreNotReported, SourceSpan.At(path, 1, 1), _unreported, MostReported));
        }
    }

    /// <summary>One byte, then the rest of a stream: what sniffing the first byte of a stream that cannot seek reads.</summary>
    private sealed class PrefixedStream(byte first, Stream rest) : Stream
    {
        private bool _given;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0) return 0;
            if (_given) return rest.Read(buffer, offset, count);
            _given = true;
            buffer[offset] = first;
            return 1 + (count > 1 ? rest.Read(buffer, offset + 1, count - 1) : 0);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
