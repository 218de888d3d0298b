using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.Abstractions;

/// <summary>Saves everything a command changed, in one transaction; the command's handler calls it once, at its end.</summary>
public interface IUnitOfWork
{
    Task<SaveOutcome> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets unsaved changes so that a command can be run again from a clean state.</summary>
    void DiscardChanges();
}

/// <summary>Whether the database took the changes, and if not, why.</summary>
public readonly record struct SaveOutcome
{
    private SaveOutcome(SaveRefusal? refusal, CatalogRule? brokenRule)
    {
        Refusal = refusal;
        BrokenRule = brokenRule;
    }

    public static SaveOutcome Saved { get; } = new(null, null);

    /// <summary>A unique index refused the write (for the catalog: a slug another request took first).</summary>
    public static SaveOutcome UniqueViolation { get; } = new(SaveRefusal.UniqueViolation, null);

    /// <summary>The row changed since it was read.</summary>
    public static SaveOutcome StaleRow { get; } = new(SaveRefusal.StaleRow, null);

    /// <summary>No active row has the id the write named.</summary>
    public static SaveOutcome RowMissing { get; } = new(SaveRefusal.RowMissing, null);

    public SaveRefusal? Refusal { get; }

    public bool IsSaved => Refusal is null;

    /// <summary>The catalog rule the database enforced, when <see cref="Refusal"/> is <see cref="SaveRefusal.RuleBroken"/>.</summary>
    public CatalogRule? BrokenRule { get; }

    /// <summary>The database refused the write because it would break a rule of the catalog.</summary>
    public static SaveOutcome Broke(CatalogRule rule) => new(SaveRefusal.RuleBroken, rule);
}

public enum SaveRefusal
{
    UniqueViolation,
    StaleRow,
    RuleBroken,
    RowMissing,
}
