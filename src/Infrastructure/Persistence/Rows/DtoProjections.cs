using System.Linq.Expressions;
using Ecommerce.Application.Categories;
using Ecommerce.Application.Common.Mapping;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Mapster;
using Mapster.Models;

namespace Ecommerce.Infrastructure.Persistence.Rows;

/// <summary>The entity-to-DTO mappings of <see cref="CatalogMapping"/>, as expressions EF Core translates to a select list.</summary>
internal static class DtoProjections
{
    public static readonly Expression<Func<Product, ProductDto>> Product = Of<Product, ProductDto>();

    public static readonly Expression<Func<Category, CategoryDto>> Category = Of<Category, CategoryDto>();

    private static Expression<Func<TSource, TDto>> Of<TSource, TDto>() =>
        (Expression<Func<TSource, TDto>>)CatalogMapping.Config.CreateMapExpression(
            new TypeTuple(typeof(TSource), typeof(TDto)), MapType.Projection);
}
