namespace Ecommerce.Application.Common.Slugs;

/// <summary>The slug rules shared by categories and products.</summary>
public static class SlugChoice
{
    public delegate Task<IReadOnlySet<string>> FindSlugsLike(Slug slug, CancellationToken cancellationToken);

    /// <param name="requested">The client's slug, or null to keep <paramref name="current"/> or to generate one.</param>
    /// <param name="current">The slug of the row being updated; null on create.</param>
    /// <param name="resource">How the error names the row, e.g. <c>Category</c>.</param>
    public static async Task<Result<Slug>> ChooseAsync(
        string? requested,
        string name,
        string? current,
        FindSlugsLike findSlugsLike,
        string resource,
        CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            return current is not null
                ? Slug.From(current)
                : SlugAllocator.FirstFree(Slug.FromName(name), await findSlugsLike(Slug.FromName(name), cancellationToken));
        }

        var wanted = Slug.From(requested);
        if (wanted.Value == current)
        {
            return wanted;
        }

        var taken = await findSlugsLike(wanted, cancellationToken);
        return taken.Contains(wanted.Value)
            ? SlugErrors.Taken(resource, wanted)
            : wanted;
    }
}
