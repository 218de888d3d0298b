namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>What went wrong with the database, as far as a client of the service needs to know.</summary>
public enum DatabaseFailure
{
    /// <summary>Not a failure of the database's availability: a bug, a constraint, bad data.</summary>
    None,

    /// <summary>
    /// The database could not serve the request now: unreachable, restarting, failing over, out of
    /// connections, or a transient conflict such as a deadlock. Nothing was written; a retry may work.
    /// </summary>
    Unavailable,

    /// <summary>The server cancelled a statement that ran past its <c>statement_timeout</c>.</summary>
    StatementTimeout,

    /// <summary>The connection broke while a write was being saved: it may or may not have been applied.</summary>
    WriteOutcomeUnknown,
}
