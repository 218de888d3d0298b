using Ecommerce.WebApi.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Ecommerce.WebApi.FunctionalTests.Logging;

/// <summary>The request log's one line per request, and the level that decides whether it is written.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task A_fast_successful_read_is_logged_at_debug_with_method_path_status_and_time()
    {
        var line = await LogOfAsync("GET", "/api/v1/products/7", StatusCodes.Status200OK);

        Assert.Equal(LogEventLevel.Debug, line.Level);
        Assert.StartsWith("HTTP \"GET\" \"/api/v1/products/7\" responded 200 in ", line.RenderMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("/api/v1/products/7", ((ScalarValue)line.Properties["RequestPath"]).Value);
        Assert.Equal(200, ((ScalarValue)line.Properties["StatusCode"]).Value);
    }

    [Theory]
    [InlineData("POST", StatusCodes.Status201Created)]
    [InlineData("PUT", StatusCodes.Status200OK)]
    [InlineData("GET", StatusCodes.Status404NotFound)]
    [InlineData("GET", StatusCodes.Status304NotModified)]
    public async Task Writes_refusals_and_revalidations_keep_their_information_line(string method, int status)
    {
        var line = await LogOfAsync(method, "/api/v1/products", status);

        Assert.Equal(status == StatusCodes.Status304NotModified ? LogEventLevel.Debug : LogEventLevel.Information, line.Level);
    }

    [Fact]
    public async Task A_server_error_is_logged_at_error()
    {
        var line = await LogOfAsync("GET", "/api/v1/products", StatusCodes.Status503ServiceUnavailable);

        Assert.Equal(LogEventLevel.Error, line.Level);
    }

    [Fact]
    public async Task A_read_slower_than_the_threshold_is_logged_at_information()
    {
        var line = await LogOfAsync("GET", "/api/v1/products", StatusCodes.Status200OK, new() { ["Catalog:RequestLog:SlowMilliseconds"] = "0" });

        Assert.Equal(LogEventLevel.Information, line.Level);
    }

    [Fact]
    public async Task Fast_reads_can_be_logged_at_information_again()
    {
        var line = await LogOfAsync("HEAD", "/api/v1/products", StatusCodes.Status200OK, new() { ["Catalog:RequestLog:FastReadLevel"] = "information" });

        Assert.Equal(LogEventLevel.Information, line.Level);
    }

    [Fact]
    public async Task An_exception_is_logged_as_a_500_at_error_and_goes_on_up()
    {
        var sink = new ListSink();
        var log = new RequestLog(_ => throw new InvalidOperationException("boom"), Logger(sink), Configuration([]));

        await Assert.ThrowsAsync<InvalidOperationException>(() => log.InvokeAsync(Context("GET", "/api/v1/products")));

        var line = Assert.Single(sink.Events);
        Assert.Equal(LogEventLevel.Error, line.Level);
        Assert.Equal(500, ((ScalarValue)line.Properties["StatusCode"]).Value);
        Assert.Equal("boom", line.Exception?.Message);
    }

    [Theory]
    [InlineData("Catalog:RequestLog:FastReadLevel", "Chatty")]
    [InlineData("Catalog:RequestLog:FastReadLevel", "2")]
    [InlineData("Catalog:RequestLog:SlowMilliseconds", "-1")]
    [InlineData("Catalog:RequestLog:SlowMilliseconds", "soon")]
    public void A_setting_it_cannot_read_stops_the_start(string key, string value) =>
        Assert.Throws<InvalidOperationException>(() => new RequestLog(_ => Task.CompletedTask, Logger(new ListSink()), Configuration(new() { [key] = value })));

    private static async Task<LogEvent> LogOfAsync(string method, string path, int status, Dictionary<string, string?>? settings = null)
    {
        var sink = new ListSink();
        var log = new RequestLog(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }, Logger(sink), Configuration(settings ?? []));

        await log.InvokeAsync(Context(method, path));

        return Assert.Single(sink.Events);
    }

    private static DefaultHttpContext Context(string method, string path) => new() { Request = { Method = method, Path = path } };

    private static Serilog.ILogger Logger(ILogEventSink sink) => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private sealed class ListSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
