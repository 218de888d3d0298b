namespace Ecommerce.Domain.Common;

/// <summary>
/// Thrown when code asks an entity to break one of its invariants. Input is validated before it
/// reaches the domain, so this signals a programming error rather than bad client input.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);
