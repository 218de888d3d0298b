namespace Ecommerce.WebApi.Endpoints;

/// <summary>
/// The list query, bound as the raw strings the client sent so that a value that does not parse
/// is reported by the validator under its own name rather than failing the binding.
/// </summary>
public sealed record ProductListRequest(
    string? Category,
    string? Q,
    string? MinPrice,
    string? MaxPrice,
    string? InStock,
    string? Sort,
    string? Page,
    string? PageSize);
