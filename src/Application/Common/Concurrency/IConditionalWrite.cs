namespace Ecommerce.Application.Common.Concurrency;

/// <summary>A command that changes an existing row and may carry the client's <c>If-Match</c>.</summary>
public interface IConditionalWrite
{
    /// <summary>Null when the client sent no <c>If-Match</c>: the last write wins.</summary>
    VersionPrecondition? Precondition { get; }
}
