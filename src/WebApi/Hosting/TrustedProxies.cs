using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Behind a reverse proxy, the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, but only when the request arrives from a proxy listed in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR
/// ranges). Anyone else can write those headers, so without a list they are never read, not even
/// from loopback (ASP.NET Core's own default trusts loopback).
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Parse(section, "KnownProxies", IPAddress.Parse);
        var networks = Parse(section, "KnownNetworks", text => System.Net.IPNetwork.Parse(text));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // One proxy in front: the right-most address it appended is the client. A chain of trusted
            // proxies raises it; addresses beyond the trusted ones are never taken.
            options.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that logs, limits and redirects all see the client's address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var section = app.Configuration.GetSection(Section);
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static List<T> Parse<T>(IConfigurationSection section, string key, Func<string, T> parse) =>
        section.GetSection(key).GetChildren()
            .Select(child => child.Value)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value =>
            {
                try
                {
                    return parse(value!.Trim());
                }
                catch (FormatException exception)
                {
                    throw new InvalidOperationException($"{Section}:{key} holds '{value}', which is not an IP address or CIDR range.", exception);
                }
            })
            .ToList();
}
