using Ecommerce.Application.Common.Behaviors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecommerce.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(RetryLostRacesBehavior<,>),
                typeof(AdvanceChangeFeedBehavior<,>),
            ];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        RunValidationOncePerProcess(services);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The validators are singletons, so the behaviour that runs them can be one too, whatever lifetime
    /// the mediator gives its pipelines: a read, which has no validator, then builds no behaviour and
    /// resolves nothing for it per request.
    /// </summary>
    private static void RunValidationOncePerProcess(IServiceCollection services)
    {
        for (var index = 0; index < services.Count; index++)
        {
            if (services[index].ImplementationType is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValidationBehavior<,>))
            {
                services[index] = ServiceDescriptor.Singleton(services[index].ServiceType, type);
            }
        }
    }
}
