using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Serilog.Core;

namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>Logs at their most verbose, captured: no bearer token, password or request body may appear in them.</summary>
public sealed class LogHygieneTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const string Password = "NotARealPassword-5b1c9";
    private const string BodyMarker = "body-marker-31f7";

    [Fact]
    public async Task Tokens_passwords_and_bodies_never_reach_the_logs()
    {
        var sink = new CapturingLogSink();
        var connection = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString) { Password = Password }.ConnectionString;
        using var verbose = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Catalog", connection);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Verbose");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        });
        var token = factory.Tokens.Admin();
        var client = verbose.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var created = await client.PostAsync("/api/v1/categories", new StringContent($"{{\"name\":\"{BodyMarker}\"}}", Encoding.UTF8, "application/json"));
        var refused = await client.PostAsync("/api/v1/categories", new StringContent($"{{\"name\":{BodyMarker}}}", Encoding.UTF8, "application/json"));
        await client.GetAsync("/api/v1/products?q=x");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await sink.WaitForAsync(line => line.RenderMessage(CultureInfo.InvariantCulture).Contains("\"/api/v1/products\" responded 200", StringComparison.Ordinal));
        var logs = sink.Text();
        Assert.Contains("\"/api/v1/categories\" responded 201", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(BodyMarker, logs, StringComparison.Ordinal);
    }
}
