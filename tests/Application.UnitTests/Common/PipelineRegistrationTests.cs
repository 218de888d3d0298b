using Ecommerce.Application.Common.Behaviors;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Application.UnitTests.Common;

public sealed class PipelineRegistrationTests
{
    [Fact]
    public void Every_validation_behaviour_is_a_singleton_and_the_other_behaviours_keep_the_mediators_lifetime()
    {
        var services = new ServiceCollection().AddApplication();
        var behaviours = services.Where(descriptor => descriptor.ServiceType.IsGenericType
            && descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>)).ToList();

        var validation = behaviours.Where(descriptor => descriptor.ImplementationType!.GetGenericTypeDefinition() == typeof(ValidationBehavior<,>)).ToList();
        Assert.NotEmpty(validation);
        Assert.All(validation, descriptor => Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime));
        Assert.All(behaviours.Except(validation), descriptor => Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime));
    }

    [Fact]
    public void A_commands_pipeline_still_validates_before_it_retries_and_advances_the_change_feed()
    {
        var services = new ServiceCollection().AddApplication();

        var order = services
            .Where(descriptor => descriptor.ServiceType == typeof(IPipelineBehavior<CreateCategoryCommand, Result<CategoryDto>>))
            .Select(descriptor => descriptor.ImplementationType!.GetGenericTypeDefinition())
            .ToList();

        Assert.Equal([typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(RetryLostRacesBehavior<,>), typeof(AdvanceChangeFeedBehavior<,>)], order);
    }
}
