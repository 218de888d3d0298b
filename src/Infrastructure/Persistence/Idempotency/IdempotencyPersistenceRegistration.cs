using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Idempotency;

internal static class IdempotencyPersistenceRegistration
{
    public static IServiceCollection AddIdempotencyPersistence(this IServiceCollection services)
    {
        services.AddScoped<IdempotencyStore>();
        services.AddSingleton<ExpiredIdempotencyKeySweep>();
        services.AddHostedService(provider => provider.GetRequiredService<ExpiredIdempotencyKeySweep>());
        return services;
    }
}
