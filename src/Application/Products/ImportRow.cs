using System.Text.Json.Serialization;
using Ecommerce.Application.Common.Serialization;
using Ecommerce.Application.Common.Validation;

namespace Ecommerce.Application.Products;

/// <summary>
/// One product as bulk import reads it and export writes it: the create shape (<see cref="ProductBody"/>)
/// with the category named by its slug instead of its id, so that a file moves between catalogs.
/// Every field may be missing here, so that the validator, not the parser, names what is.
/// </summary>
public sealed record ImportRow(
    string? Name,
    string? Slug,
    string? Description,
    [property: JsonConverter(typeof(ExactDecimalConverter))] decimal? Price,
    string? ImageUrl,
    int? Stock,
    string? Category)
{
    /// <summary>The field names, in the order export writes them and a CSV header lists them.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["name", "slug", "description", "price", "imageUrl", "stock", "category"];
}

/// <summary>
/// A line of an import file as the parser saw it: the row, or the fields it could not read
/// (a number that is not one, a line that is not JSON), keyed like validation errors.
/// </summary>
/// <param name="Line">The file's line on which the row starts, from 1 (a CSV header is line 1).</param>
public sealed record ImportLine(int Line, ImportRow? Row, IReadOnlyDictionary<string, string[]>? ParseErrors = null);

/// <summary>
/// A row's rules: those of <see cref="ProductBody"/> for the fields the two share (so that messages
/// match the single-product API), and the import's own for <c>slug</c> and <c>category</c>.
/// </summary>
internal sealed class ImportRowValidator : AbstractValidator<ImportRow>
{
    public const string SlugRequiredMessage = "A slug is required: imported rows are matched to products by slug.";
    public const string CategoryRequiredMessage = "A category slug is required.";

    private static readonly string[] SharedFields =
    [
        nameof(ProductBody.Name), nameof(ProductBody.Slug), nameof(ProductBody.Description),
        nameof(ProductBody.Price), nameof(ProductBody.ImageUrl), nameof(ProductBody.Stock),
    ];

    private readonly IValidator<ProductBody> _body;

    public ImportRowValidator(IValidator<ProductBody> body)
    {
        _body = body;
        RuleFor(row => row.Slug).NotNull().WithMessage(SlugRequiredMessage);
        RuleFor(row => row.Category).NotEmpty().WithMessage(CategoryRequiredMessage).ValidSlug();
    }

    public override FluentValidation.Results.ValidationResult Validate(ValidationContext<ImportRow> context)
    {
        var row = context.InstanceToValidate;
        var body = new ProductBody(row.Name, row.Slug, row.Description, row.Price, row.ImageUrl, row.Stock, CategoryId: null);
        var shared = _body.Validate(body, options => options.IncludeProperties(SharedFields));
        var own = base.Validate(context);
        return new FluentValidation.Results.ValidationResult([.. shared.Errors, .. own.Errors]);
    }
}
