using Ecommerce.Application.Products;

namespace Ecommerce.Application.Abstractions;

/// <summary>
/// Writes a product in one statement and lets the database decide what the handler would otherwise
/// look up first: the unique index refuses a taken slug (<see cref="SaveOutcome.UniqueViolation"/>)
/// and the product rules' trigger an inactive or missing category (<see cref="SaveOutcome.Broke"/>).
/// Inside an open transaction (an idempotent request) a refused write leaves that transaction usable.
/// </summary>
public interface IProductWriter
{
    /// <summary>Inserts the product; saved, it carries the id and the version the database gave the row.</summary>
    Task<Written<ProductKeys>> InsertAsync(Product product, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the revision to the active product with this id when its version satisfies
    /// <paramref name="precondition"/> (null: any version). Not applied, the outcome tells a missing
    /// product (<see cref="SaveOutcome.RowMissing"/>) from a changed one (<see cref="SaveOutcome.StaleRow"/>).
    /// </summary>
    Task<Written<ProductDto>> UpdateAsync(
        int id, ProductRevision revision, VersionPrecondition? precondition, CancellationToken cancellationToken);
}

/// <summary>What the database gave a new product row.</summary>
public sealed record ProductKeys(int Id, uint Version);

/// <summary>The outcome of a write, and the row as written when it was saved.</summary>
public readonly record struct Written<TRow>(SaveOutcome Outcome, TRow? Row)
    where TRow : class
{
    public static Written<TRow> Saved(TRow row) => new(SaveOutcome.Saved, row);

    public static Written<TRow> Refused(SaveOutcome outcome) => new(outcome, null);
}
