using Ecommerce.Infrastructure.Persistence.Health;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Http.Json;

namespace Ecommerce.WebApi.Hosting;

internal static class WebApiServices
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", ErrorResults.TraceId(context.HttpContext));
            if (context.ProblemDetails.Status is { } status)
            {
                context.ProblemDetails.Type ??= ErrorResults.TypeFor(status);
            }
        });
        services.AddExceptionHandler<ExceptionProblemHandler>();

        // Binding failures become exceptions in every environment, so that ExceptionProblemHandler
        // can name the offending field instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.MaxDepth = 32);

        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<CatalogDatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }
}
