using System.Globalization;
using System.Threading.RateLimiting;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Ecommerce.WebApi.Hosting;

internal static class Security
{
    public const string CatalogWriterPolicy = "CatalogWriter";
    public const string AdminRole = "admin";
    public const string ReadsRateLimit = "reads";
    public const string WritesRateLimit = "writes";
    public const string CorsSection = "Cors:AllowedOrigins";

    /// <summary>
    /// JWT bearer tokens bound from <c>Authentication:Schemes:Bearer</c> (the section that
    /// <c>dotnet user-jwts</c> writes, and where production names its identity provider's Authority),
    /// one policy for catalog writes, per-client rate limits and CORS closed unless origins are listed.
    /// </summary>
    public static IServiceCollection AddCatalogSecurity(this IServiceCollection services, IConfiguration configuration, CatalogLimits limits)
    {
        services.AddAuthentication().AddJwtBearer();
        CredentialedAuthentication.Decorate(services);
        services.ReloadBearerOptionsOnChange(configuration);
        services.AddTrustedProxies(configuration);
        services.AddAuthorizationBuilder().AddPolicy(CatalogWriterPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole));

        var clients = new ClientRateLimits(limits);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(ReadsRateLimit, clients.Reads);
            options.AddPolicy(WritesRateLimit, clients.Writes);
            options.OnRejected = WriteTooManyRequestsAsync;
        });

        var origins = configuration.GetSection(CorsSection).Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("ETag", "Location", "Retry-After");
            }
        }));

        // The server's name tells an attacker which exploits to try and a client nothing it needs.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.WriteProblemAsync(
            StatusCodes.Status429TooManyRequests,
            "Too many requests from this client; retry after the time in the Retry-After header.");
    }
}
