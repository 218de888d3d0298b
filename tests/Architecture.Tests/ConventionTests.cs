using Ecommerce.Domain.Catalog;
using NetArchTest.Rules;

namespace Ecommerce.Architecture.Tests;

public sealed class ConventionTests
{
    [Fact]
    public void Entities_expose_no_public_setters()
    {
        var settable = typeof(Category).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(Category).Namespace && type.IsClass && !type.IsAbstract)
            .Where(type => !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .Where(type => type != typeof(ProductDetails) && type != typeof(Slug))
            .SelectMany(type => type.GetProperties().Where(property => property.SetMethod?.IsPublic == true)
                .Select(property => $"{type.Name}.{property.Name}"))
            .ToList();

        Assert.Empty(settable);
    }

    [Fact]
    public void Handlers_are_sealed_and_internal_to_the_application()
    {
        var result = Types.InAssembly(typeof(Ecommerce.Application.DependencyInjection).Assembly)
            .That().HaveNameEndingWith("Handler")
            .Should().BeSealed().And().NotBePublic()
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
