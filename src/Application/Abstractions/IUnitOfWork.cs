using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.Abstractions;

/// <summary>Saves everything a command changed, once, at the end of the command pipeline.</summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Starts the unit: every read and the save of one command then share one database connection
    /// instead of taking it from the pool for each statement. Disposing the result ends the unit.
    /// </summary>
    Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken);

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

    public SaveRefusal? Refusal { get; }

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
}
