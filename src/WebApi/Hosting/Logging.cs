using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Ecommerce.WebApi.Hosting;

internal static class Logging
{
    private static readonly TimeSpan ProductionFlushInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// ASP.NET Core's hosting layer starts an <c>Activity</c> and a log scope for every request while
    /// this logger is on, a few µs and about a kilobyte per request even when nothing is written. Off:
    /// <see cref="RequestLog"/> writes the request line, <see cref="RequestLogEnricher"/> adds the
    /// request's ids to a line when one is written, <see cref="CallerTraceContext"/> continues a
    /// caller's trace, and the hosting layer still starts its <c>Activity</c> when a tracer listens.
    /// </summary>
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Serilog, with levels from the <c>Serilog</c> configuration section: readable text in
    /// Development, one compact JSON object per event elsewhere, for log collectors.
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ILogEventEnricher, RequestLogEnricher>();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext()
                .MinimumLevel.Override(HostingDiagnostics, LevelAlias.Off);
            if (builder.Environment.IsDevelopment())
            {
                // Console writes block; the async wrapper takes them off the request path.
                logger.WriteTo.Async(sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
            }
            else
            {
                // One request log line per request: buffered, so that the hot path makes no system call for it.
                logger.WriteTo.Sink(new BufferedConsoleSink(new RenderedCompactJsonFormatter(), Console.OpenStandardOutput(), ProductionFlushInterval));
            }
        });
        CachingLoggerFactory.Decorate(builder.Services);
        return builder;
    }
}
