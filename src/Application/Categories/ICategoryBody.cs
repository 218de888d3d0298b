namespace Ecommerce.Application.Categories;

/// <summary>The fields a client sends to create or replace a category; null where the client sent nothing.</summary>
public interface ICategoryBody
{
    string? Name { get; }

    string? Slug { get; }

    int? ParentId { get; }
}
