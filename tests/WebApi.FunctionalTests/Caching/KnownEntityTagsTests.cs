using Ecommerce.Application.Caching;
using Ecommerce.Application.Common.Results;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NSubstitute;

namespace Ecommerce.WebApi.FunctionalTests.Caching;

/// <summary>When memory may answer a revalidation: only at the very position the tag was read at, never without one.</summary>
public sealed class KnownEntityTagsTests
{
    private static readonly ResourceKey Product = ResourceKey.ById(CatalogTables.Products, 7);

    private readonly ICatalogChangeFeed _changes = Substitute.For<ICatalogChangeFeed>();

    [Fact]
    public void A_tag_read_at_the_current_position_is_answered_304_with_its_headers()
    {
        var known = new KnownEntityTags(_changes);
        _changes.Position(CatalogTables.Products).Returns(5);
        Read(known, version: 42);

        var context = Revalidation("\"42\"");
        var notModified = known.Begin(context, Product).NotModified;

        Assert.Equal(StatusCodes.Status304NotModified, notModified?.StatusCode);
        Assert.Equal("\"42\"", context.Response.Headers.ETag.ToString());
        Assert.Equal("public, no-cache", context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void A_moved_position_a_lost_feed_an_other_tag_or_a_consistency_token_reads_again()
    {
        var known = new KnownEntityTags(_changes);
        _changes.Position(CatalogTables.Products).Returns(5);
        Read(known, version: 42);

        var withToken = Revalidation("\"42\"");
        withToken.Request.Headers["Catalog-Consistency"] = "token";
        Assert.Null(known.Begin(withToken, Product).NotModified);
        Assert.Null(known.Begin(Revalidation("\"41\""), Product).NotModified);
        Assert.Null(known.Begin(Revalidation("\"42\""), ResourceKey.BySlug(CatalogTables.Products, "seven")).NotModified);

        _changes.Position(CatalogTables.Products).Returns(6);
        Assert.Null(known.Begin(Revalidation("\"42\""), Product).NotModified);

        _changes.Position(CatalogTables.Products).Returns((long?)null);
        Assert.Null(known.Begin(Revalidation("\"42\""), Product).NotModified);
    }

    [Fact]
    public void A_tag_read_while_the_feed_cannot_vouch_is_not_remembered()
    {
        var known = new KnownEntityTags(_changes);
        _changes.Position(CatalogTables.Products).Returns((long?)null);
        Read(known, version: 42);

        _changes.Position(CatalogTables.Products).Returns(5);

        Assert.Null(known.Begin(Revalidation("\"42\""), Product).NotModified);
    }

    [Fact]
    public void Past_its_capacity_memory_starts_over_rather_than_grow()
    {
        var known = new KnownEntityTags(_changes, capacity: 2);
        _changes.Position(CatalogTables.Products).Returns(5);
        Read(known, version: 42);
        Read(known, version: 1, ResourceKey.ById(CatalogTables.Products, 8));
        Read(known, version: 2, ResourceKey.ById(CatalogTables.Products, 9));

        Assert.Null(known.Begin(Revalidation("\"42\""), Product).NotModified);
        Assert.NotNull(known.Begin(Revalidation("\"2\""), ResourceKey.ById(CatalogTables.Products, 9)).NotModified);
    }

    private static void Read(KnownEntityTags known, uint version, ResourceKey? resource = null)
    {
        var read = known.Begin(new DefaultHttpContext(), resource ?? Product);
        Assert.IsType<Ok<uint>>(read.Answer(Result<uint>.Success(version), value => value).Result);
    }

    private static DefaultHttpContext Revalidation(string ifNoneMatch)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Headers.IfNoneMatch = ifNoneMatch;
        return context;
    }
}
