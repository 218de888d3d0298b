using Ecommerce.Client.Tests.Generated.Models;
using Ecommerce.Client.Tests.Infrastructure;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;

namespace Ecommerce.Client.Tests;

/// <summary>The category tree, through nothing but the client generated from docs/openapi.json.</summary>
public sealed class CategoryClientTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task An_admin_builds_a_tree_that_an_anonymous_reader_browses()
    {
        var admin = CatalogClients.WithToken(factory, factory.Tokens.Admin());
        var phones = await admin.Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Телефоны" });
        var smartphones = await admin.Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Smartphones", ParentId = phones!.Id });
        await admin.Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Cases", Slug = "cases", ParentId = smartphones!.Id });

        var reader = CatalogClients.Anonymous(factory);
        var tree = await reader.Api.V1.Categories.Tree.GetAsync();

        var root = Assert.Single(tree!, node => node.Id == phones.Id);
        Assert.Equal("telefony", root.Slug);
        var child = Assert.Single(root.Children!);
        Assert.Equal(("Smartphones", smartphones.Id), (child.Name, child.Id));
        Assert.Equal("cases", Assert.Single(child.Children!).Slug);
        Assert.Equal(phones.Id, (await reader.Api.V1.Categories.BySlug["telefony"].GetAsync())!.Id);
    }

    [Fact]
    public async Task A_write_without_a_token_is_a_401_problem()
    {
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            CatalogClients.Anonymous(factory).Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Tablets" }));

        Assert.Equal(401, problem.ResponseStatusCode);
        Assert.Equal(401, problem.Status);
    }

    [Fact]
    public async Task A_token_without_the_admin_role_is_a_403_problem()
    {
        var client = CatalogClients.WithToken(factory, factory.Tokens.Create(roles: ["reader"]));

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Tablets" }));

        Assert.Equal(403, problem.ResponseStatusCode);
    }

    [Fact]
    public async Task An_unknown_slug_is_a_404_problem_with_its_code()
    {
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            CatalogClients.Anonymous(factory).Api.V1.Categories.BySlug["no-such-category"].GetAsync());

        Assert.Equal((404, "Category.NotFound"), (problem.ResponseStatusCode, problem.Code));
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
    }
}
