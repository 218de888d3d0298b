using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Writes formatted events to standard output through one buffer that is flushed on a short timer,
/// so that a request pays for formatting its log line and nothing else: no write system call and no
/// wake-up of a background thread per event. Warnings and errors are flushed at once; disposal
/// (host shutdown) flushes the rest.
/// </summary>
internal sealed class BufferedConsoleSink : ILogEventSink, IDisposable
{
    private const int BufferBytes = 64 * 1024;

    [ThreadStatic]
    private static StringWriter? _scratch;

    private readonly ITextFormatter _formatter;
    private readonly StreamWriter _output;
    private readonly Timer _flushTimer;
    private readonly Lock _sync = new();
    private bool _disposed;

    public BufferedConsoleSink(ITextFormatter formatter, Stream output, TimeSpan flushInterval)
    {
        _formatter = formatter;
        _output = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferBytes) { AutoFlush = false };
        _flushTimer = new Timer(_ => Flush(), null, flushInterval, flushInterval);
    }

    public void Emit(LogEvent logEvent)
    {
        // Formatted outside the lock, so that concurrent requests only queue for the copy.
        var scratch = _scratch ??= new StringWriter();
        scratch.GetStringBuilder().Clear();
        _formatter.Format(logEvent, scratch);

        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var chunk in scratch.GetStringBuilder().GetChunks())
            {
                _output.Write(chunk.Span);
            }

            if (logEvent.Level >= LogEventLevel.Warning)
            {
                _output.Flush();
            }
        }
    }

    public void Flush()
    {
        lock (_sync)
        {
            if (!_disposed)
            {
                _output.Flush();
            }
        }
    }

    public void Dispose()
    {
        _flushTimer.Dispose();
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _output.Dispose();
        }
    }
}
