using System.Text;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Products;
using Ecommerce.WebApi.Bulk;
using Ecommerce.WebApi.Hosting;
using Ecommerce.WebApi.Http;
using Ecommerce.WebApi.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.WebApi.Endpoints;

/// <summary>Products in bulk: a whole file in one transaction, and every product out as a stream.</summary>
public static class ProductBulkEndpoints
{
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";
    public const string RowsRejectedCode = "Import.RowsRejected";

    public static RouteGroupBuilder MapProductBulkEndpoints(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<CatalogLimits>();
        var group = api.MapGroup("/products").WithTags("Products");

        group.MapGet("/export", Export).WithName("ExportProducts").WithSummary("Every active product, as NDJSON or CSV")
            .WithDescription("Streams every active product that the filter keeps, in id order, in the shape import reads "
                + "(`category` is the category's slug), so that importing an export changes nothing. "
                + "`Accept: text/csv` gives CSV with a header row; otherwise NDJSON, one product per line. "
                + "The filter parameters are the list's; `q` is not supported here.")
            .WithQueryParameters(new(ProductListQuery.Parameters.All.Where(parameter => ExportFilters.Contains(parameter.Name)).ToList()))
            .Produces(StatusCodes.Status200OK, typeof(ImportRow), Ndjson, Csv)
            .ProducesValidationProblem()
            .DisableRequestTimeout();

        group.MapWrites().MapPost("/import", Import).WithName("ImportProducts").WithSummary("Insert or update products from a file")
            .WithDescription("Reads NDJSON (one product per line) or CSV (UTF-8, header row) in the create shape with `category` as a "
                + "category slug, and inserts or updates products by `slug`, which every row needs. All or nothing: one rejected row and "
                + "nothing is written; the `422` answer lists the rejected rows (the first 1,000) by line with their field errors. "
                + "`dryRun=true` checks the file and answers the same without writing. A row equal to its product leaves it untouched.")
            .WithQueryParameters(new([DryRun]))
            .Accepts<ImportRow>(Ndjson, Csv)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxImportBodyBytes))
            .Answers(StatusCodes.Status200OK, "Every row was applied (or, in a dry run, would be): how many products were inserted, updated and left unchanged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableRequestTimeout();
        return api;
    }

    private static readonly string[] ExportFilters = ["category", "minPrice", "maxPrice", "inStock"];

    private static readonly QueryParameter DryRun = new("dryRun", Microsoft.OpenApi.JsonSchemaType.Boolean,
        new("`true`: check every row and answer as an import would, writing nothing.") { Example = true })
    { Default = false };

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Import(
        string? dryRun, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        if (!TryParseFlag(dryRun, out var isDryRun))
        {
            return Error.Validation("dryRun", "dryRun must be true or false.").ToProblem(context);
        }

        var format = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType) ? mediaType.MediaType.Value : null;
        var lines = format switch
        {
            _ when string.Equals(format, Ndjson, StringComparison.OrdinalIgnoreCase) => NdjsonImportReader.ReadAsync(context.Request.BodyReader, cancellationToken),
            _ when string.Equals(format, Csv, StringComparison.OrdinalIgnoreCase) => CsvImportReader.ReadAsync(context.Request.Body, cancellationToken),
            _ => null,
        };
        if (lines is null)
        {
            return TypedResults.Problem(ErrorResults.Create(
                StatusCodes.Status415UnsupportedMediaType, $"An import is {Ndjson} or {Csv} (UTF-8)."));
        }

        Result<ImportReport> result;
        try
        {
            result = await sender.Send(new ImportProductsCommand(lines, isDryRun), cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return Error.Validation("body", "The file is not valid UTF-8; nothing was imported.").ToProblem(context);
        }

        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(context);
        }

        if (result.Value.Summary is { } summary)
        {
            return TypedResults.Ok(summary);
        }

        var problem = ErrorResults.Create(
            StatusCodes.Status422UnprocessableEntity,
            $"{result.Value.RejectedRows} row(s) were rejected; nothing was imported.",
            RowsRejectedCode);
        problem.Extensions["rejectedRows"] = result.Value.RejectedRows;
        problem.Extensions["rows"] = result.Value.Rejections;
        return TypedResults.Problem(problem);
    }

    private static async Task<IResult> Export(
        [AsParameters] ProductExportRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.ToFilter(out var errors) is not { } filter)
        {
            return Error.Validation(errors).ToProblem(context);
        }

        var result = await sender.Send(new ExportProductsQuery(filter), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(context);
        }

        var csv = PrefersCsv(context.Request);
        context.Response.ContentType = (csv ? Csv : Ndjson) + "; charset=utf-8";
        context.Response.Headers.Vary = HeaderNames.Accept;
        var output = context.Response.BodyWriter;
        await (csv
            ? ExportWriter.WriteCsvAsync(result.Value, output, cancellationToken)
            : ExportWriter.WriteNdjsonAsync(result.Value, output, cancellationToken));
        return TypedResults.Empty;
    }

    /// <summary>CSV when the client ranks it above NDJSON; NDJSON otherwise, whatever else it lists.</summary>
    private static bool PrefersCsv(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        double Quality(string type) => accepted
            .Where(value => value.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(value => value.Quality ?? 1).DefaultIfEmpty(0).Max();
        return Quality(Csv) > Quality(Ndjson);
    }

    private static bool TryParseFlag(string? text, out bool flag)
    {
        flag = false;
        return text is null || bool.TryParse(text, out flag);
    }
}
