using Ecommerce.WebApi.Hosting;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace Ecommerce.WebApi.FunctionalTests.Logging;

public sealed class BufferedConsoleSinkTests
{
    private static readonly TimeSpan LongInterval = TimeSpan.FromHours(1);

    [Fact]
    public void Information_waits_in_the_buffer_until_a_flush()
    {
        var output = new MemoryStream();
        using var sink = new BufferedConsoleSink(new RenderedCompactJsonFormatter(), output, LongInterval);

        sink.Emit(Event(LogEventLevel.Information, "request served"));
        Assert.Equal(0, output.Length);

        sink.Flush();
        Assert.Contains("request served", Text(output));
    }

    [Fact]
    public void Warnings_are_written_at_once_with_what_was_buffered_before_them()
    {
        var output = new MemoryStream();
        using var sink = new BufferedConsoleSink(new RenderedCompactJsonFormatter(), output, LongInterval);

        sink.Emit(Event(LogEventLevel.Information, "first"));
        sink.Emit(Event(LogEventLevel.Warning, "second"));

        var lines = Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("first", lines[0]);
        Assert.Contains("second", lines[1]);
    }

    [Fact]
    public async Task The_timer_flushes_buffered_events()
    {
        var output = new TrackingStream();
        var sink = new BufferedConsoleSink(new RenderedCompactJsonFormatter(), output, TimeSpan.FromMilliseconds(20));

        sink.Emit(Event(LogEventLevel.Information, "eventually"));

        await output.FirstWrite.Task.WaitAsync(TimeSpan.FromSeconds(10));
        sink.Dispose();
        Assert.Contains("eventually", output.Written);
    }

    [Fact]
    public void Disposal_flushes_and_later_events_are_dropped_without_error()
    {
        var output = new TrackingStream();
        var sink = new BufferedConsoleSink(new RenderedCompactJsonFormatter(), output, LongInterval);
        sink.Emit(Event(LogEventLevel.Information, "last words"));

        sink.Dispose();
        sink.Emit(Event(LogEventLevel.Error, "after shutdown"));

        Assert.Contains("last words", output.Written);
        Assert.DoesNotContain("after shutdown", output.Written);
    }

    private static LogEvent Event(LogEventLevel level, string text) =>
        new(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse(text), []);

    private static string Text(MemoryStream output) => Encoding.UTF8.GetString(output.ToArray());

    /// <summary>Keeps what was written even after the sink disposes it, and tells when the first write came.</summary>
    private sealed class TrackingStream : MemoryStream
    {
        public TaskCompletionSource FirstWrite { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Written { get; private set; } = "";

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            FirstWrite.TrySetResult();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            base.Write(buffer);
            FirstWrite.TrySetResult();
        }

        protected override void Dispose(bool disposing)
        {
            Written = Encoding.UTF8.GetString(ToArray());
            base.Dispose(disposing);
        }
    }
}
