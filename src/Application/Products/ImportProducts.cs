using System.Runtime.CompilerServices;

namespace Ecommerce.Application.Products;

/// <summary>
/// Inserts or updates products by slug from the lines of a file, all or none: one invalid row and
/// nothing is written, and the report names every rejected row with its errors.
/// </summary>
/// <param name="Lines">Read once, as the request body streams in.</param>
public sealed record ImportProductsCommand(IAsyncEnumerable<ImportLine> Lines, bool DryRun) : ICommand<Result<ImportReport>>
{
    /// <summary>Enough to fix a file by; a file with more bad rows is reported by its first ones and its count.</summary>
    public const int MaxReportedRows = 1000;
}

internal sealed class ImportProductsHandler(IProductImporter importer, IValidator<ImportRow> rules, TimeProvider clock)
    : ICommandHandler<ImportProductsCommand, Result<ImportReport>>
{
    public async ValueTask<Result<ImportReport>> Handle(ImportProductsCommand command, CancellationToken cancellationToken)
    {
        await using var import = await importer.BeginAsync(cancellationToken);
        var rejections = new List<ImportRowError>();
        var rejected = 0;
        await import.StageAsync(Valid(command.Lines, rejections, () => rejected++, cancellationToken), cancellationToken);

        var (refused, firstRefused) = await import.CheckAsync(ImportProductsCommand.MaxReportedRows, cancellationToken);
        if (rejected + refused > 0)
        {
            var first = rejections.Concat(firstRefused)
                .GroupBy(rejection => rejection.Line)
                .Select(line => new ImportRowError(line.Key, Merge(line)))
                .OrderBy(rejection => rejection.Line)
                .Take(ImportProductsCommand.MaxReportedRows)
                .ToList();
            return new ImportReport(null, rejected + refused, first);
        }

        var summary = await import.ApplyAsync(command.DryRun, clock.UtcNowForStorage(), cancellationToken);
        return summary.IsSuccess ? new ImportReport(summary.Value, 0, []) : summary.Error;
    }

    private async IAsyncEnumerable<StagedProduct> Valid(
        IAsyncEnumerable<ImportLine> lines, List<ImportRowError> rejections, Action countRejected,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            var errors = line.ParseErrors ?? Errors(line.Row!);
            if (errors is null)
            {
                yield return Staged(line.Line, line.Row!);
                continue;
            }

            countRejected();
            if (rejections.Count < ImportProductsCommand.MaxReportedRows)
            {
                rejections.Add(new ImportRowError(line.Line, errors));
            }
        }
    }

    private Dictionary<string, string[]>? Errors(ImportRow row)
    {
        var result = rules.Validate(row);
        return result.IsValid
            ? null
            : result.Errors
                .GroupBy(failure => FieldName(failure.PropertyName), StringComparer.Ordinal)
                .ToDictionary(field => field.Key, field => field.Select(failure => failure.ErrorMessage).Distinct().ToArray());
    }

    private static StagedProduct Staged(int line, ImportRow row) => new(
        line, row.Name!.Trim(), row.Slug!, Optional(row.Description), row.Price!.Value, Optional(row.ImageUrl), row.Stock!.Value, row.Category!);

    /// <summary>As the domain stores optional text: trimmed, and nothing when nothing is left.</summary>
    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Dictionary<string, string[]> Merge(IEnumerable<ImportRowError> rejections) =>
        rejections.SelectMany(rejection => rejection.Errors)
            .GroupBy(field => field.Key, StringComparer.Ordinal)
            .ToDictionary(field => field.Key, field => field.SelectMany(errors => errors.Value).Distinct().ToArray());

    private static string FieldName(string property) =>
        property.Length == 0 || char.IsLower(property[0]) ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
