using Ecommerce.Client.Tests.Generated;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Ecommerce.Client.Tests.Infrastructure;

/// <summary>
/// The generated client over the test service, set up as a consumer would set it up: Kiota's own
/// handlers, and a bearer token only when the caller has one.
/// </summary>
public static class CatalogClients
{
    public static CatalogClient Anonymous(CatalogApiFactory factory) => Create(factory, new AnonymousAuthenticationProvider());

    public static CatalogClient WithToken(CatalogApiFactory factory, string token) =>
        Create(factory, new BaseBearerTokenAuthenticationProvider(new StaticAccessToken(token)));

    private static CatalogClient Create(CatalogApiFactory factory, IAuthenticationProvider authentication)
    {
        var http = factory.CreateDefaultClient([.. KiotaClientFactory.CreateDefaultHandlers()]);
        // The factory's clients carry an admin token by default; this one authenticates through Kiota only.
        http.DefaultRequestHeaders.Authorization = null;
        // The document's server is relative ("/"): the consumer says where the service is.
        var adapter = new HttpClientRequestAdapter(authentication, httpClient: http)
        {
            BaseUrl = http.BaseAddress!.GetLeftPart(UriPartial.Authority),
        };
        return new CatalogClient(adapter);
    }

    private sealed class StaticAccessToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(
            Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
