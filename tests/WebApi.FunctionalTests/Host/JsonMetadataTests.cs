using System.Text.Json.Serialization;
using Ecommerce.Application.Categories;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.WebApi.FunctionalTests.Host;

public sealed class JsonMetadataTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    public static TheoryData<Type> Bodies =>
    [
        typeof(ProductDto),
        typeof(PagedList<ProductDto>),
        typeof(ProductBody),
        typeof(CategoryDto),
        typeof(IReadOnlyList<CategoryDto>),
        typeof(IReadOnlyList<CategoryTreeNode>),
        typeof(CategoryBody),
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_body_the_api_reads_or_writes_uses_build_time_generated_metadata(Type body)
    {
        var options = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Assert.IsAssignableFrom<JsonSerializerContext>(options.GetTypeInfo(body).OriginatingResolver);
    }
}
