using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using Ecommerce.WebApi.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Ecommerce.WebApi.FunctionalTests.Logging;

public sealed class CachingLoggerFactoryTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public void Each_category_gets_its_logger_built_once()
    {
        var inner = new CountingLoggerFactory();
        using var loggers = new CachingLoggerFactory(inner);

        var first = loggers.CreateLogger("Catalog.A");
        var again = loggers.CreateLogger("Catalog.A");
        var other = loggers.CreateLogger("Catalog.B");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(["Catalog.A", "Catalog.B"], inner.Created);
    }

    [Fact]
    public void Cached_Serilog_loggers_keep_their_category_and_disposing_flushes_the_sinks()
    {
        var sink = new CapturingSink();
        var serilog = new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var loggers = new CachingLoggerFactory(new SerilogLoggerFactory(serilog, dispose: true));

        loggers.CreateLogger("Catalog.Probe").LogWarning("first");
        loggers.CreateLogger("Catalog.Probe").LogWarning("second");
        loggers.Dispose();

        Assert.Equal(["first", "second"], sink.Events.Select(logEvent => logEvent.MessageTemplate.Text));
        Assert.All(sink.Events, logEvent => Assert.Equal("\"Catalog.Probe\"", logEvent.Properties["SourceContext"].ToString()));
        Assert.True(sink.Disposed);
    }

    [Fact]
    public void The_service_resolves_it_as_its_logger_factory()
    {
        Assert.IsType<CachingLoggerFactory>(factory.Services.GetRequiredService<ILoggerFactory>());
    }

    private sealed class CountingLoggerFactory : ILoggerFactory
    {
        public List<string> Created { get; } = [];

        public ILogger CreateLogger(string categoryName)
        {
            Created.Add(categoryName);
            return new NullLogger<object>();
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class CapturingSink : ILogEventSink, IDisposable
    {
        public List<LogEvent> Events { get; } = [];

        public bool Disposed { get; private set; }

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);

        public void Dispose() => Disposed = true;
    }
}
