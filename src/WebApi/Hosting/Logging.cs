using Serilog;
using Serilog.Formatting.Compact;

namespace Ecommerce.WebApi.Hosting;

internal static class Logging
{
    private static readonly TimeSpan ProductionFlushInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Serilog, with levels from the <c>Serilog</c> configuration section: readable text in
    /// Development, one compact JSON object per event elsewhere, for log collectors.
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
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
