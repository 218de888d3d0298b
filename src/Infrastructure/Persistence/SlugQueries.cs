using System.Linq.Expressions;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence;

internal static class SlugQueries
{
    /// <summary>
    /// The longest start that a slug shares with every <c>slug-N</c> made from it: a
    /// suffix may cut a long slug (<see cref="Slug.WithSuffix"/>) by up to 11 characters and a hyphen.
    /// </summary>
    private const int SharedPrefixLength = Slug.MaxLength - 20;

    /// <summary>
    /// The slugs among <paramref name="slug"/> and <c>slug-N</c> that rows already use (and, for a slug
    /// long enough to be cut by its suffix, other slugs with the same start: callers look up the ones
    /// they need). When the slug itself is free, <paramref name="isInUse"/> (one indexed lookup, a
    /// compiled query on the write path) answers and the suffixed ones are not read: no caller needs a
    /// suffix then.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FindTakenAsync<T>(
        IQueryable<T> rows, Expression<Func<T, string>> slugOf, Slug slug,
        Func<string, CancellationToken, Task<bool>> isInUse, CancellationToken cancellationToken)
    {
        if (!await isInUse(slug.Value, cancellationToken))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        // A slug holds only [a-z0-9-], none of which LIKE treats specially.
        var pattern = slug.Value.Length <= SharedPrefixLength ? slug.Value + "-%" : slug.Value[..SharedPrefixLength] + "%";
        var taken = await rows.Select(slugOf)
            .Where(value => value == slug.Value || EF.Functions.Like(value, pattern))
            .ToListAsync(cancellationToken);
        return taken.ToHashSet(StringComparer.Ordinal);
    }
}
