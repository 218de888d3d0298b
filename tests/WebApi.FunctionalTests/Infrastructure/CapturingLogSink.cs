using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Ecommerce.WebApi.FunctionalTests.Infrastructure;

/// <summary>Every log event a test service writes, registered with <c>services.AddSingleton&lt;ILogEventSink&gt;(sink)</c>.</summary>
public sealed class CapturingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The first event that matches, waited for: the request log line is written after the response is sent, so it may trail the client a little.</summary>
    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> match)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (_events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("No log event matched.");
    }

    /// <summary>Every event's message, exception and properties, one per line.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        foreach (var logEvent in _events)
        {
            text.AppendLine(logEvent.RenderMessage(CultureInfo.InvariantCulture));
            text.AppendLine(logEvent.Exception?.ToString());
            foreach (var property in logEvent.Properties)
            {
                text.Append(property.Key).Append('=').AppendLine(property.Value.ToString());
            }
        }

        return text.ToString();
    }
}
