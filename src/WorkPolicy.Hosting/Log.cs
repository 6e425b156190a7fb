using Microsoft.Extensions.Logging;

namespace WorkPolicy.Hosting;

/// <summary>The host's log messages, generated (no boxing, no formatting when the level is off).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "WorkPolicy rules loaded: revision {Revision}, {Circulars} circulars, {Employees} employees, in {Milliseconds} ms")]
    public static partial void Loaded(ILogger logger, string revision, int circulars, int employees, long milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "WorkPolicy rules reloaded: revision {Revision} (was {Previous}), facts {Facts}, in {Milliseconds} ms")]
    public static partial void Reloaded(ILogger logger, string revision, string? previous, string facts, long milliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "WorkPolicy reload refused, revision {Revision} keeps answering: {Count} error(s), first {First}")]
    public static partial void ReloadRefused(ILogger logger, string? revision, int count, string first);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "WorkPolicy rules refused, no rules answer yet: {Count} error(s), first {First}")]
    public static partial void FirstLoadRefused(ILogger logger, int count, string first);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "WorkPolicy decision records dropped: the queue of {Capacity} is full")]
    public static partial void RecordsDropped(ILogger logger, int capacity);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "WorkPolicy decision records could not be written")]
    public static partial void RecordsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "WorkPolicy decision records purged: {Count} older than the retention {Retention}")]
    public static partial void RecordsPurged(ILogger logger, long count, TimeSpan retention);
}
