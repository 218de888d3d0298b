namespace Ecommerce.Application.Common.Slugs;

/// <summary>
/// A command that may pick a slug from the name. When another request takes that slug between the
/// check and the save, the command is run again and picks the next free suffix.
/// </summary>
public interface IGeneratesSlug
{
    string? Slug { get; }
}
