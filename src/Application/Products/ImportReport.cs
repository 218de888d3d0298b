namespace Ecommerce.Application.Products;

/// <summary>What an import did (or, in a dry run, would do) with the rows of a file.</summary>
public sealed record ImportSummary(int Inserted, int Updated, int Unchanged, bool DryRun);

/// <summary>A rejected row: its line in the file and its errors, keyed by field like validation errors.</summary>
public sealed record ImportRowError(int Line, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// The outcome of an import: the summary when every row was valid, or else the rejected rows (the
/// first <see cref="ImportProductsCommand.MaxReportedRows"/>, by line) and how many there were; then nothing was written.
/// </summary>
public sealed record ImportReport(ImportSummary? Summary, int RejectedRows, IReadOnlyList<ImportRowError> Rejections)
{
    public bool IsApplied => Summary is not null;
}
