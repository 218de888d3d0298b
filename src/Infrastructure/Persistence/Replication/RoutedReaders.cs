using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>
/// Makes a reader follow the request's read route. The reader's own registration stays as its feature
/// wrote it (a singleton built from the <see cref="CatalogReads"/> it resolves); here it is built once per
/// route, each time given that route's <see cref="CatalogReads"/>, and every resolution hands out the
/// instance of the route the request chose. Transient, so a request's scope does not track it: resolving
/// it costs what resolving the singleton did.
/// </summary>
internal static class RoutedReaders
{
    public static IServiceCollection RouteQueriesOf<TReader>(this IServiceCollection services)
        where TReader : class
    {
        var registration = services.LastOrDefault(service => service.ServiceType == typeof(TReader) && !service.IsKeyedService)
            ?? throw new InvalidOperationException($"{typeof(TReader).Name} is not registered.");
        services.Remove(registration);
        services.AddSingleton(provider => new PerRoute<TReader>(
            provider.GetRequiredService<ReadRouting>(), reads => Build<TReader>(registration, new RouteServices(provider, reads))));
        services.AddTransient(provider => provider.GetRequiredService<PerRoute<TReader>>().Current);
        return services;
    }

    private static TReader Build<TReader>(ServiceDescriptor registration, IServiceProvider services)
        where TReader : class => registration switch
        {
            { ImplementationFactory: { } factory } => (TReader)factory(services),
            { ImplementationType: { } type } => (TReader)ActivatorUtilities.CreateInstance(services, type),
            _ => throw new InvalidOperationException($"{typeof(TReader).Name} must be registered with a factory or a type to follow read routes."),
        };

    private sealed class PerRoute<TReader>(ReadRouting routing, Func<CatalogReads, TReader> build)
        where TReader : class
    {
        private readonly TReader[] _readers = [.. routing.Routes.Select(route => build(route.Reads))];

        public TReader Current => _readers[routing.Current.Index];
    }

    /// <summary>The application's services, except that <see cref="CatalogReads"/> is the route's.</summary>
    private sealed class RouteServices(IServiceProvider services, CatalogReads reads) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(CatalogReads) ? reads : services.GetService(serviceType);
    }
}
