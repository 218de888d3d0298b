using System.Collections.Concurrent;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Hands out one logger per category. Serilog's factory builds a new logger on every call, and the
/// framework calls it on every request: each authentication handler is created per request and
/// asks for its logger in its constructor.
/// </summary>
internal sealed class CachingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
    private readonly Func<string, ILogger> _create;

    public CachingLoggerFactory(ILoggerFactory inner)
    {
        _inner = inner;
        _create = inner.CreateLogger;
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, _create);

    public void AddProvider(ILoggerProvider provider)
    {
        _inner.AddProvider(provider);
        _loggers.Clear();
    }

    /// <summary>Disposing the inner factory flushes and closes the log sinks.</summary>
    public void Dispose() => _inner.Dispose();

    /// <summary>Wraps the last <see cref="ILoggerFactory"/> registered, which must be built by a factory method.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(ILoggerFactory));
        var createInner = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The logger factory to cache must be registered with a factory method.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory((ILoggerFactory)createInner(provider)));
    }
}
