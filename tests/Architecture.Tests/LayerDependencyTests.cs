using System.Reflection;
using NetArchTest.Rules;

namespace Ecommerce.Architecture.Tests;

/// <summary>The dependency rule of the layers: inner layers never know the outer ones.</summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(Ecommerce.Domain.Catalog.Category).Assembly;
    private static readonly Assembly Application = typeof(Ecommerce.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Ecommerce.Infrastructure.DependencyInjection).Assembly;

    [Theory]
    [InlineData("Ecommerce.Application")]
    [InlineData("Ecommerce.Infrastructure")]
    [InlineData("Ecommerce.WebApi")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Mediator")]
    [InlineData("FluentValidation")]
    public void Domain_depends_on_nothing_of_the_other_layers_or_frameworks(string dependency) =>
        AssertNoDependency(Domain, dependency);

    [Theory]
    [InlineData("Ecommerce.Infrastructure")]
    [InlineData("Ecommerce.WebApi")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.AspNetCore")]
    public void Application_does_not_depend_on_infrastructure_web_or_ef_core(string dependency) =>
        AssertNoDependency(Application, dependency);

    [Theory]
    [InlineData("Ecommerce.WebApi")]
    [InlineData("Microsoft.AspNetCore.Http")]
    public void Infrastructure_does_not_depend_on_the_web_layer(string dependency) =>
        AssertNoDependency(Infrastructure, dependency);

    [Fact]
    public void Domain_references_no_other_project_assembly()
    {
        var references = Domain.GetReferencedAssemblies().Select(reference => reference.Name);

        Assert.DoesNotContain(references, name => name is not null && name.StartsWith("Ecommerce.", StringComparison.Ordinal));
    }

    private static void AssertNoDependency(Assembly assembly, string dependency)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(dependency).GetResult();

        Assert.True(
            result.IsSuccessful,
            $"{assembly.GetName().Name} must not depend on {dependency}; offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
