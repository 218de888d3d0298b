namespace Ecommerce.WebApi.Endpoints;

/// <summary>The body of a category create or update. Every field is optional here so that the validator names what is missing.</summary>
public sealed record CategoryRequest(string? Name, string? Slug, int? ParentId);
