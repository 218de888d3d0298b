using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ecommerce.WebApi.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>
/// The service watches a secrets file whose folder does not exist yet when it starts, as the user
/// secrets before the first <c>dotnet user-jwts create</c>.
/// </summary>
public sealed class SecretsFileFactory : CatalogApiFactory
{
    /// <summary>An issuer the service learns of while it runs.</summary>
    public const string LocalIssuer = "local-user-jwts";

    public string SecretsFile { get; } = Path.Combine(Path.GetTempPath(), "catalog-secrets-" + Guid.NewGuid().ToString("N"), "secrets.json");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => SigningKeyReload.WatchSecretsFile(configuration, SecretsFile));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(SecretsFile)!, recursive: true);
    }
}

public sealed class SigningKeyReloadTests(SecretsFileFactory factory) : IClassFixture<SecretsFileFactory>
{
    [Fact]
    public async Task A_signing_key_written_while_the_service_runs_is_trusted_without_a_restart()
    {
        var newKey = RandomNumberGenerator.GetBytes(32);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalToken(newKey));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CreateAsync(client)).StatusCode);

        // A new issuer and its key, beside the ones the service was started with. (The keys alone are
        // read again on every request; the issuers only when the options are rebuilt.)
        var secrets = new JsonObject
        {
            ["Authentication:Schemes:Bearer:ValidIssuers:0"] = SecretsFileFactory.LocalIssuer,
            ["Authentication:Schemes:Bearer:SigningKeys:1:Issuer"] = SecretsFileFactory.LocalIssuer,
            ["Authentication:Schemes:Bearer:SigningKeys:1:Value"] = Convert.ToBase64String(newKey),
        };
        await File.WriteAllTextAsync(factory.SecretsFile, secrets.ToJsonString());

        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        while ((status = (await CreateAsync(client)).StatusCode) == HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(factory.CreateClient())).StatusCode);
    }

    private static string LocalToken(byte[] key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = SecretsFileFactory.LocalIssuer,
        Audience = TestTokens.Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "local-admin"), new Claim("unique_name", "local-admin"), new Claim("role", "admin")]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client) =>
        client.PostAsync("/api/v1/categories", new StringContent($"{{\"name\":\"Key {Guid.NewGuid():N}\"}}", Encoding.UTF8, "application/json"));
}
