namespace Ecommerce.Application.Abstractions;

/// <summary>Saves everything a command changed, once, at the end of the command pipeline.</summary>
public interface IUnitOfWork
{
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
