using Ecommerce.WebApi.Endpoints;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Serilog;

namespace Ecommerce.WebApi.Hosting;

internal static class WebApiPipeline
{
    public static WebApplication UseWebApi(this WebApplication app)
    {
        // Outermost, so that it logs the status the client finally got.
        app.UseSerilogRequestLogging();

        // A request the framework could not bind is the client's mistake, not an error of ours to log.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(WebApiServices.ReadyTag) });
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        app.MapCatalogApi();
        return app;
    }
}
