using System.Net;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Client.Tests.ReferencePage;

/// <summary>The service on a real loopback port (a browser cannot reach the in-memory test server), with its reference page on.</summary>
public sealed class ReferencePageFactory : CatalogApiFactory
{
    public ReferencePageFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri RootUri => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["OpenApi:ReferencePage"] = "true" };
}
