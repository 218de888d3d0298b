using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace Ecommerce.WebApi.FunctionalTests.Logging;

/// <summary>
/// What ties a log line to its request and to the caller's trace, now that the hosting layer's own
/// log scope and per-request <see cref="Activity"/> are off.
/// </summary>
public sealed class RequestTraceTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public async Task A_request_line_carries_the_request_ids_and_the_problem_names_the_same_request()
    {
        var sink = new CapturingLogSink();
        using var host = Capturing(sink);

        var response = await host.CreateClient().GetAsync("/api/v1/products/987654");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        var line = await RequestLineAsync(sink, "/api/v1/products/987654");
        Assert.Equal(problem.GetProperty("traceId").GetString(), Scalar(line, "RequestId"));
        Assert.Equal("/api/v1/products/987654", Scalar(line, "RequestPath"));
    }

    [Fact]
    public async Task A_caller_trace_is_continued_in_the_problem_and_the_log_line()
    {
        var sink = new CapturingLogSink();
        using var host = Capturing(sink);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories/987654");
        request.Headers.Add("traceparent", $"00-{CallerTraceId}-00f067aa0ba902b7-01");

        var response = await host.CreateClient().SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(CallerTraceId, problem.GetProperty("traceId").GetString(), StringComparison.Ordinal);
        var line = await RequestLineAsync(sink, "/api/v1/categories/987654");
        Assert.Equal(CallerTraceId, line.TraceId?.ToHexString());
    }

    [Fact]
    public async Task A_malformed_trace_context_is_ignored()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories/987654");
        request.Headers.TryAddWithoutValidation("traceparent", "00-not-a-trace-01");

        var response = await factory.CreateClient().SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("not-a-trace", problem.GetProperty("traceId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_hosting_layers_logger_stays_off_even_when_its_namespace_is_verbose()
    {
        using var verbose = factory.WithWebHostBuilder(builder => builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose"));
        var loggers = verbose.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Debug));
    }

    private WebApplicationFactory<Program> Capturing(CapturingLogSink sink) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        });

    private static Task<LogEvent> RequestLineAsync(CapturingLogSink sink, string path) =>
        sink.WaitForAsync(line => line.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal) && Scalar(line, "RequestPath") == path);

    private static string? Scalar(LogEvent line, string property) =>
        line.Properties.TryGetValue(property, out var value) ? ((ScalarValue)value).Value?.ToString() : null;
}
