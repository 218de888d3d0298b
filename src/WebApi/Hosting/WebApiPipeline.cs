using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.WebApi.Endpoints;
using Ecommerce.WebApi.Http;
using Ecommerce.WebApi.OpenApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Ecommerce.WebApi.Hosting;

internal static class WebApiPipeline
{
    /// <summary>On when the service itself terminates TLS; off for the loopback development run.</summary>
    public const string UseHttpsSetting = "Transport:UseHttps";

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseCallerTraceContext();

        // Outermost, so that it logs the status the client finally got; through this host's own
        // logger rather than the process-wide Log.Logger, which belongs to whichever host started last.
        app.UseMiddleware<RequestLog>(app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseSecurityHeaders();

        // A request the framework could not bind is the client's mistake, not an error of ours to log;
        // an unavailable database is logged by ExceptionProblemHandler, in one line.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context =>
                context.Exception is BadHttpRequestException || DatabaseFailures.Classify(context.Exception) != DatabaseFailure.None,
        });
        app.UseEmptyErrorProblems();
        var limits = app.Services.GetRequiredService<CatalogLimits>();
        app.UseRequestTimeLimit(limits.RequestTimeoutSeconds > 0 ? TimeSpan.FromSeconds(limits.RequestTimeoutSeconds) : null);
        if (app.Configuration.GetValue<bool>(UseHttpsSetting))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCors();
        app.UseRequestBodyLimit(limits.MaxRequestBodyBytes);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseReadConsistency();
        app.UseUtf8JsonBodies();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(WebApiServices.ReadyTag),
            ResponseWriter = HealthResponses.WriteAsync,
        });
        app.MapCatalogOpenApi();

        app.MapCatalogApi();
        return app;
    }
}
