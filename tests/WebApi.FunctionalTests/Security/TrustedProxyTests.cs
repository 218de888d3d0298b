namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>The service behind Kestrel on loopback, with anonymous reads limited to two per client.</summary>
public abstract class ProxiedApiFactory : CatalogApiFactory
{
    public const int Reads = 2;

    protected ProxiedApiFactory() => UseKestrel(0);

    protected abstract string[] KnownProxies { get; }

    protected override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string> { ["Catalog:Limits:Reads:PermitLimit"] = Reads.ToString(CultureInfo.InvariantCulture) };
            for (var index = 0; index < KnownProxies.Length; index++)
            {
                settings[$"ForwardedHeaders:KnownProxies:{index}"] = KnownProxies[index];
            }

            return settings;
        }
    }
}

/// <summary>The tests' own loopback connection is the trusted proxy.</summary>
public sealed class TrustedLoopbackProxyFactory : ProxiedApiFactory
{
    protected override string[] KnownProxies => ["127.0.0.1", "::1"];
}

/// <summary>Some other address is the trusted proxy: the tests' connection is not.</summary>
public sealed class ElsewhereProxyFactory : ProxiedApiFactory
{
    protected override string[] KnownProxies => ["192.0.2.10"];
}

public sealed class TrustedProxyTests(TrustedLoopbackProxyFactory factory) : IClassFixture<TrustedLoopbackProxyFactory>
{
    [Fact]
    public async Task From_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        var client = factory.CreateAnonymousClient();

        foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4" })
        {
            Assert.Equal(HttpStatusCode.OK, (await ForwardedGetAsync(client, address)).StatusCode);
        }

        for (var read = 0; read < ProxiedApiFactory.Reads; read++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ForwardedGetAsync(client, "203.0.113.9")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ForwardedGetAsync(client, "203.0.113.9")).StatusCode);
    }

    internal static Task<HttpResponseMessage> ForwardedGetAsync(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        return client.SendAsync(request);
    }
}

public sealed class UntrustedProxyTests(ElsewhereProxyFactory factory) : IClassFixture<ElsewhereProxyFactory>
{
    [Fact]
    public async Task From_an_untrusted_peer_a_spoofed_forwarded_address_is_ignored()
    {
        var client = factory.CreateAnonymousClient();

        var answers = new List<HttpStatusCode>();
        foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            answers.Add((await TrustedProxyTests.ForwardedGetAsync(client, address)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }
}
