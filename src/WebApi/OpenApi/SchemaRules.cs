using Ecommerce.Application.Categories;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// Describes the bodies: decimals as decimals (never <c>double</c>), and for each schema its
/// meaning, the properties a request must have, and each property's limits and an example. The
/// limits come from the domain's own constants, so the document follows the rules.
/// </summary>
internal sealed class SchemaRules : IOpenApiSchemaTransformer
{
    private sealed record SchemaRule(string Description, IReadOnlyDictionary<string, Field> Properties)
    {
        /// <summary>For request bodies: the properties a client must send (and may not send as null).</summary>
        public IReadOnlyList<string>? Required { get; init; }
    }

    private static readonly Field CategoryId = new("The category's id.") { Example = 1, Minimum = 1 };
    private static readonly Field CategoryName = new($"The display name, 1 to {Category.MaxNameLength} characters.")
    { Example = "Smartphones", MinLength = 1, MaxLength = Category.MaxNameLength };
    private static readonly Field CategorySlug = SlugField("smartphones", "categories");
    private static readonly Field ParentId = new("The parent category's id; `null` for a top-level category.") { Minimum = 1 };
    private static readonly Field IsActive = new("Always `true` here: deactivated categories and products are not served.");
    private static readonly Field CreatedAt = new("When it was created (UTC).") { Example = "2026-11-23T20:36:12Z" };
    private static readonly Field UpdatedAt = new("When it last changed (UTC).") { Example = "2026-11-24T08:15:00Z" };
    private static readonly Field ProductName = new($"The display name, 1 to {Product.MaxNameLength} characters.")
    { Example = "Phone X", MinLength = 1, MaxLength = Product.MaxNameLength };
    private static readonly Field ProductSlug = SlugField("phone-x", "products");
    private static readonly Field Description = new($"Free text of at most {Product.MaxDescriptionLength} characters; line breaks and tabs are kept.")
    { Example = "A 6.1-inch phone with two cameras.", MaxLength = Product.MaxDescriptionLength };
    private static readonly Field Price = new(
        $"The price: a decimal number from 0 to {Product.MaxPrice} with at most {Product.PriceScale} decimal places. Read it into a decimal type.")
    { Example = 999.90m, Minimum = 0, Maximum = Product.MaxPrice };
    private static readonly Field ImageUrl = new($"An absolute `http` or `https` URL of the product's image, at most {Product.MaxImageUrlLength} characters.")
    { Example = "https://cdn.example.com/phone-x.png", MaxLength = Product.MaxImageUrlLength };
    private static readonly Field Stock = new("Units in stock, 0 or more.") { Example = 5, Minimum = 0 };
    private static readonly Field ProductCategoryId = new("The id of the product's category, which must be active.") { Example = 1, Minimum = 1 };

    private static readonly Dictionary<Type, SchemaRule> Rules = new()
    {
        [typeof(CategoryDto)] = new("An active category.", CategoryProperties()),
        [typeof(CategoryTreeNode)] = new("An active category with its active subcategories.", new Dictionary<string, Field>(CategoryProperties())
        {
            ["children"] = new("Its active subcategories, ordered by name, each with its own children."),
        }),
        [typeof(CategoryBody)] = new(
            "A category to create, or the new state of one to replace. Without `slug`, a new category gets one made from its name and a replaced one keeps its own.",
            new Dictionary<string, Field>
            {
                ["name"] = CategoryName with { Description = CategoryName.Description + " Leading and trailing spaces are trimmed." },
                ["slug"] = CategorySlug with { Description = CategorySlug.Description + " Optional." },
                ["parentId"] = ParentId with { Description = "The id of an active parent category; absent or `null` for a top-level category. A category cannot become its own ancestor." },
            })
        { Required = ["name"] },
        [typeof(ProductDto)] = new("An active product.", new Dictionary<string, Field>
        {
            ["id"] = new("The product's id.") { Example = 10, Minimum = 1 },
            ["name"] = ProductName,
            ["slug"] = ProductSlug,
            ["description"] = Description with { Description = Description.Description + " `null` when there is none." },
            ["price"] = Price,
            ["imageUrl"] = ImageUrl with { Description = ImageUrl.Description + " `null` when there is none." },
            ["stock"] = Stock,
            ["categoryId"] = ProductCategoryId,
            ["rating"] = new($"The average customer rating, from 0 to {Product.MaxRating}; 0 until rated. Read-only.")
            { Example = 4.5m, Minimum = 0, Maximum = Product.MaxRating },
            ["isActive"] = IsActive,
            ["createdAt"] = CreatedAt,
            ["updatedAt"] = UpdatedAt,
        }),
        [typeof(ProductBody)] = new(
            "A product to create, or the new state of one to replace. Without `slug`, a new product gets one made from its name and a replaced one keeps its own.",
            new Dictionary<string, Field>
            {
                ["name"] = ProductName with { Description = ProductName.Description + " Leading and trailing spaces are trimmed." },
                ["slug"] = ProductSlug with { Description = ProductSlug.Description + " Optional." },
                ["description"] = Description with { Description = Description.Description + " Optional." },
                ["price"] = Price,
                ["imageUrl"] = ImageUrl with { Description = ImageUrl.Description + " Optional." },
                ["stock"] = Stock,
                ["categoryId"] = ProductCategoryId,
            })
        { Required = ["name", "price", "stock", "categoryId"] },
        [typeof(PagedList<>)] = new("One page of the products that match, with the count across all pages.", new Dictionary<string, Field>
        {
            ["items"] = new("The products of this page, in the requested order."),
            ["page"] = new("The page number, from 1; `null` for a page asked with `after`.") { Example = 1, Minimum = 1 },
            ["pageSize"] = new("The most products a page holds, 1 to 100.") { Example = 20, Minimum = 1, Maximum = 100 },
            ["totalCount"] = new($"How many products match, across all pages: exact up to {PagedList<ProductDto>.TotalCap:N0}, and {PagedList<ProductDto>.TotalCap:N0} beyond.")
            { Example = 57, Minimum = 0, Maximum = PagedList<ProductDto>.TotalCap },
            ["totalCountRelation"] = new("`eq` when `totalCount` is exact, `gte` when more products match than it says."),
            ["totalPages"] = new("How many pages `totalCount` makes; 0 when nothing matches.") { Example = 3, Minimum = 0 },
            ["next"] = new("The relative URL of the following page (this request with `after` in place of `page`), or `null` on the last page.")
            { Example = "/api/v1/products?pageSize=20&after=" + ProductListQuery.ExampleCursor },
        }),
        [typeof(ProblemDetails)] = new("An error, as RFC 9457 describes it.", ProblemProperties()),
        [typeof(HttpValidationProblemDetails)] = new(
            "A request that was refused as invalid (RFC 9457): `errors` names each offending field or query parameter.",
            new Dictionary<string, Field>(ProblemProperties())
            {
                ["errors"] = new("The messages for each offending body field or query parameter, keyed by its camelCase name; `body` when the body as a whole is unreadable."),
            }),
    };

    /// <summary>The extensions every problem this service writes carries beside the RFC 9457 members.</summary>
    private static readonly Dictionary<string, Field> ProblemExtensions = new()
    {
        ["traceId"] = new("Identifies the request in the service's logs: quote it when reporting a problem.")
        { Example = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
        ["code"] = new("A stable code for an expected failure of the catalog, such as `Product.NotFound` or `Category.SlugTaken`; absent for errors of the protocol (authentication, limits)."),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(decimal))
        {
            schema.Format = "decimal";
        }

        // The enums of the bodies are written as strings (JsonStringEnumConverter).
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (context.JsonPropertyInfo is { } property)
        {
            if (RuleFor(property.DeclaringType)?.Properties.TryGetValue(property.Name, out var field) == true)
            {
                field.ApplyTo(schema);
            }

            return Task.CompletedTask;
        }

        if (RuleFor(type) is { } rule)
        {
            schema.Description = rule.Description;
            if (rule.Required is { } required)
            {
                schema.Required = new HashSet<string>(required);
                foreach (var name in required)
                {
                    if (schema.Properties is not null && schema.Properties.TryGetValue(name, out var declared) && declared is OpenApiSchema value)
                    {
                        value.Type &= ~JsonSchemaType.Null;
                    }
                }
            }
        }

        if (typeof(ProblemDetails).IsAssignableFrom(type))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            foreach (var (name, field) in ProblemExtensions)
            {
                var extension = new OpenApiSchema { Type = JsonSchemaType.String };
                field.ApplyTo(extension);
                schema.Properties.TryAdd(name, extension);
            }
        }

        return Task.CompletedTask;
    }

    private static SchemaRule? RuleFor(Type type) =>
        Rules.GetValueOrDefault(type) ?? (type.IsGenericType ? Rules.GetValueOrDefault(type.GetGenericTypeDefinition()) : null);

    private static Field SlugField(string example, string resource) => new(
        $"The unique name in URLs among {resource}: lowercase letters and digits in words joined by single hyphens, at most {Slug.MaxLength} characters.")
    { Example = example, Pattern = Slug.Pattern, MaxLength = Slug.MaxLength };

    private static Dictionary<string, Field> CategoryProperties() => new()
    {
        ["id"] = CategoryId,
        ["name"] = CategoryName,
        ["slug"] = CategorySlug,
        ["parentId"] = ParentId,
        ["isActive"] = IsActive,
        ["createdAt"] = CreatedAt,
        ["updatedAt"] = UpdatedAt,
    };

    private static Dictionary<string, Field> ProblemProperties() => new()
    {
        ["type"] = new("A URI that identifies the kind of error."),
        ["title"] = new("A short summary of the kind of error."),
        ["status"] = new("The HTTP status code."),
        ["detail"] = new("What went wrong with this request, in words."),
        ["instance"] = new("A URI that identifies this occurrence, when there is one."),
    };
}
