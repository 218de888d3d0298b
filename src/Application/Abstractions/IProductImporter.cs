using Ecommerce.Application.Products;

namespace Ecommerce.Application.Abstractions;

/// <summary>Bulk import's way into the catalog: one transaction per import, staged in bulk, applied in one statement.</summary>
public interface IProductImporter
{
    Task<IProductImport> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One import in progress. Rows are staged as they come, checked against the catalog together, and
/// applied only by <see cref="ApplyAsync"/>; disposing it without applying leaves the catalog as it was.
/// </summary>
public interface IProductImport : IAsyncDisposable
{
    /// <summary>Stages the rows, which have passed the row rules; <paramref name="rows"/> is read once, as it streams.</summary>
    Task StageAsync(IAsyncEnumerable<StagedProduct> rows, CancellationToken cancellationToken);

    /// <summary>The staged rows the catalog refuses (an unknown category, a slug repeated or of a deleted product): their number, and the first <paramref name="maxReported"/> by line.</summary>
    Task<(int Rejected, IReadOnlyList<ImportRowError> First)> CheckAsync(int maxReported, CancellationToken cancellationToken);

    /// <summary>Inserts and updates the staged rows by slug and commits; with <paramref name="dryRun"/>, only counts what that would do.</summary>
    Task<Result<ImportSummary>> ApplyAsync(bool dryRun, DateTime now, CancellationToken cancellationToken);
}

/// <summary>A valid row, normalized as the single-product API stores it (trimmed, empty optional text as null).</summary>
public sealed record StagedProduct(
    int Line, string Name, string Slug, string? Description, decimal Price, string? ImageUrl, int Stock, string Category);
