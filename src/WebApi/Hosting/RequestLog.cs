using System.Globalization;
using Serilog.AspNetCore;
using Serilog.Events;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// The level of each request's log line (<c>Catalog:RequestLog</c>): writes, failures and slow
/// requests at <c>Information</c> (server errors at <c>Error</c>), so that each keeps its one
/// structured line; a successful read faster than <c>SlowMilliseconds</c> at <c>FastReadLevel</c>,
/// <c>Debug</c> by default, so that it costs nothing where <c>Debug</c> is off. Request volume is
/// the metrics' job; set <c>FastReadLevel</c> to <c>Information</c> to log every read again.
/// </summary>
internal static class RequestLog
{
    public const string Section = "Catalog:RequestLog";

    public static void Configure(RequestLoggingOptions options, IConfiguration configuration, Serilog.ILogger logger)
    {
        var fastReadLevel = configuration[$"{Section}:FastReadLevel"] is { Length: > 0 } level
            ? Enum.TryParse<LogEventLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(level, CultureInfo.InvariantCulture, out _)
                ? parsed
                : throw new InvalidOperationException($"{Section}:FastReadLevel must be a Serilog level: Verbose, Debug, Information, Warning, Error or Fatal.")
            : LogEventLevel.Debug;
        var slowMilliseconds = configuration[$"{Section}:SlowMilliseconds"] is { Length: > 0 } slow
            ? int.TryParse(slow, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                ? milliseconds
                : throw new InvalidOperationException($"{Section}:SlowMilliseconds must be a whole number of milliseconds, 0 or more.")
            : 500;

        options.Logger = logger;
        options.GetLevel = (context, elapsedMilliseconds, exception) =>
            exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
            : context.Response.StatusCode < StatusCodes.Status400BadRequest && elapsedMilliseconds < slowMilliseconds && IsRead(context.Request.Method) ? fastReadLevel
            : LogEventLevel.Information;
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
