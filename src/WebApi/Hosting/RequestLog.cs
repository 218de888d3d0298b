using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Serilog.Events;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// One structured line per request (<c>Catalog:RequestLog</c>): writes, failures and slow requests at
/// <c>Information</c> (server errors at <c>Error</c>); a successful read faster than
/// <c>SlowMilliseconds</c> at <c>FastReadLevel</c>, <c>Debug</c> by default, so that it costs nothing
/// where <c>Debug</c> is off. Request volume is the metrics' job; set <c>FastReadLevel</c> to
/// <c>Information</c> to log every read again. The line is Serilog's request line; written here rather
/// than by Serilog's middleware, whose per-request diagnostic context this service never fills.
/// </summary>
internal sealed class RequestLog
{
    public const string Section = "Catalog:RequestLog";

    private const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";

    private readonly RequestDelegate _next;
    private readonly Serilog.ILogger _logger;
    private readonly LogEventLevel _fastReadLevel;
    private readonly int _slowMilliseconds;

    public RequestLog(RequestDelegate next, Serilog.ILogger logger, IConfiguration configuration)
    {
        _next = next;
        _logger = logger;
        _fastReadLevel = configuration[$"{Section}:FastReadLevel"] is { Length: > 0 } level
            ? Enum.TryParse<LogEventLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(level, CultureInfo.InvariantCulture, out _)
                ? parsed
                : throw new InvalidOperationException($"{Section}:FastReadLevel must be a Serilog level: Verbose, Debug, Information, Warning, Error or Fatal.")
            : LogEventLevel.Debug;
        _slowMilliseconds = configuration[$"{Section}:SlowMilliseconds"] is { Length: > 0 } slow
            ? int.TryParse(slow, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                ? milliseconds
                : throw new InvalidOperationException($"{Section}:SlowMilliseconds must be a whole number of milliseconds, 0 or more.")
            : 500;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _next(context);
        }
        catch (Exception exception) when (Write(context, started, StatusCodes.Status500InternalServerError, exception))
        {
            // Never caught: the filter logs the failure before the stack unwinds, and answers false.
        }

        Write(context, started, context.Response.StatusCode, exception: null);
    }

    private bool Write(HttpContext context, long started, int statusCode, Exception? exception)
    {
        var elapsedMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var level = exception is not null || statusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
            : statusCode < StatusCodes.Status400BadRequest && elapsedMilliseconds < _slowMilliseconds && IsRead(context.Request.Method) ? _fastReadLevel
            : LogEventLevel.Information;
        if (_logger.IsEnabled(level))
        {
            var path = context.Features.Get<IHttpRequestFeature>()?.Path ?? context.Request.Path.Value;
            _logger.Write(level, exception, MessageTemplate, context.Request.Method, path, statusCode, elapsedMilliseconds);
        }

        return false;
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
