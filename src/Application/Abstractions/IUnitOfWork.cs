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

public enum SaveOutcome
{
    Saved,

    /// <summary>A unique index refused the write (for the catalog: a slug another request took first).</summary>
    UniqueViolation,

    /// <summary>The row changed since it was read.</summary>
    StaleRow,
}
