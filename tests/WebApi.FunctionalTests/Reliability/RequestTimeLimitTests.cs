using Ecommerce.WebApi.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>The request time limit on its own; TimeoutTests has it against a database that stops answering.</summary>
public sealed class RequestTimeLimitTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(100);
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    [Fact]
    public async Task A_request_past_the_limit_has_its_token_cancelled_and_is_answered_503()
    {
        var context = Context();

        await Pipeline(context => Task.Delay(Timeout.Infinite, context.RequestAborted), Limit)(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal(ServiceUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture), context.Response.Headers.RetryAfter.ToString());
        await context.Response.CompleteAsync();
        Assert.Contains("\"Request.Timeout\"", Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_disables_the_timeout_runs_past_it()
    {
        var context = Context(new DisableRequestTimeoutAttribute());

        await Pipeline(async context =>
        {
            await Task.Delay(Limit * 3, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status201Created;
        }, Limit)(context);

        Assert.Equal(StatusCodes.Status201Created, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_went_away_gets_no_503_and_its_token_is_given_back()
    {
        using var client = new CancellationTokenSource();
        var context = Context();
        context.RequestAborted = client.Token;

        var answered = Pipeline(context => Task.Delay(Timeout.Infinite, context.RequestAborted), TimeSpan.FromSeconds(30))(context);
        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answered);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(client.Token, context.RequestAborted);
    }

    [Fact]
    public async Task Without_a_limit_nothing_is_cancelled()
    {
        var context = Context();

        await Pipeline(context => Task.Delay(Limit * 2, context.RequestAborted), limit: null)(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static RequestDelegate Pipeline(RequestDelegate endpoint, TimeSpan? limit)
    {
        var app = new ApplicationBuilder(Services);
        app.UseRequestTimeLimit(limit);
        app.Run(endpoint);
        return app.Build();
    }

    private static DefaultHttpContext Context(params object[] endpointMetadata)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = Services,
            Response = { Body = new MemoryStream() },
        };
        context.Request.Method = HttpMethods.Get;
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(endpointMetadata), "endpoint"));
        return context;
    }

    private static string Body(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
