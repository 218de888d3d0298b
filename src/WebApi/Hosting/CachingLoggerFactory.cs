using System.Collections.Concurrent;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Hands out one logger per category. Serilog's factory builds a new logger (with its own caches) on
/// every call, and ASP.NET Core's authentication handlers, made anew for each request, ask the factory
/// for theirs: that was a few hundred bytes and a dozen objects on every request, for a logger that
/// never changes. Levels still follow the configuration, which Serilog's loggers read when they log.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the factory registered last, the one the container hands out.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(ILoggerFactory) && !descriptor.IsKeyedService);
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory(Create(registered, provider)));
    }

    private static ILoggerFactory Create(ServiceDescriptor registered, IServiceProvider provider) =>
        (ILoggerFactory)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
