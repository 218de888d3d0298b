using Serilog;
using Serilog.Formatting.Compact;

namespace Ecommerce.WebApi.Hosting;

internal static class Logging
{
    /// <summary>
    /// Serilog, with levels from the <c>Serilog</c> configuration section: readable text in
    /// Development, one compact JSON object per event elsewhere, for log collectors.
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            // Console writes block; the async wrapper takes them off the request path (a bounded
            // buffer that drops events rather than stall requests when the console cannot keep up).
            if (builder.Environment.IsDevelopment())
            {
                logger.WriteTo.Async(sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
            }
            else
            {
                logger.WriteTo.Async(sink => sink.Console(new RenderedCompactJsonFormatter()));
            }
        });
        return builder;
    }
}
