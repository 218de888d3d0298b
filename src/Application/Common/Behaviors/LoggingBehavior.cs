using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Application.Common.Behaviors;

/// <summary>
/// Logs each command's name, duration and outcome; never its body, which may hold personal data.
/// Queries are left to the request log, which has their duration and status already: the busiest
/// reads then go through one step fewer.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IOutcome<TResponse>
{
    private static readonly TimeSpan SlowRequestThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        if (elapsed > SlowRequestThreshold)
        {
            LogSlow(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            LogHandled(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds, response.Error?.Kind.ToString() ?? "Success");
        }

        return response;
    }

    [LoggerMessage(LogLevel.Debug, "Handled {Command} in {ElapsedMilliseconds:0.0} ms: {Outcome}")]
    private static partial void LogHandled(ILogger logger, string command, double elapsedMilliseconds, string outcome);

    [LoggerMessage(LogLevel.Warning, "Slow command {Command} took {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogSlow(ILogger logger, string command, double elapsedMilliseconds);
}
