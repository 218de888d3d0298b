namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>
/// The connection broke after a write's statements were sent and before the database confirmed
/// them: the write may or may not have been applied. Never retried by the service, since a write
/// that did commit would then be applied twice.
/// </summary>
public sealed class WriteOutcomeUnknownException(Exception innerException)
    : Exception("The database connection broke while a write was being saved; it may or may not have been applied.", innerException);
