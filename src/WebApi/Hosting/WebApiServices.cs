using System.Text.Json.Serialization;
using Ecommerce.Infrastructure.Persistence.Health;
using Ecommerce.WebApi.Http;
using Ecommerce.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.Json;

namespace Ecommerce.WebApi.Hosting;

internal static class WebApiServices
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(CatalogLimits.Section).Get<CatalogLimits>() ?? new CatalogLimits();
        services.AddSingleton(limits);
        services.AddCatalogSecurity(configuration, limits);
        services.AddReadConsistency();
        services.AddSingleton(provider => new KnownEntityTags(provider.GetRequiredService<Ecommerce.Application.Caching.ICatalogChangeFeed>()));
        services.AddSingleton<KnownTableVersions>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = static context =>
        {
            ErrorResults.AddTraceId(context);
            SecurityHeaders.Add(context.HttpContext.Response);
        });
        services.AddExceptionHandler<ExceptionProblemHandler>();

        services.Configure<RouteOptions>(options => options.SetParameterPolicy<DigitsRouteConstraint>(DigitsRouteConstraint.Name));

        // Binding failures become exceptions in every environment, so that ExceptionProblemHandler
        // can name the offending field instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            // The web defaults read numbers from strings; the contract wants "12" refused where 12 belongs.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // {"name":"a","name":"b"} means different things to different parsers; refuse it rather than pick one.
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.MaxDepth = limits.MaxJsonDepth;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, CatalogJsonContext.Default);
        });

        services.AddCatalogOpenApi();
        services.AddHealthChecks().AddCheck<CatalogDatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }
}
