using System.Linq.Expressions;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence;

internal static class SlugQueries
{
    /// <summary>
    /// The slugs among <paramref name="slug"/> and <c>slug-N</c> that rows already use. When the slug
    /// itself is free, <paramref name="isInUse"/> (one indexed lookup, a compiled query on the write
    /// path) answers and the suffixed ones are not read: no caller needs a suffix then.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FindTakenAsync<T>(
        IQueryable<T> rows, Expression<Func<T, string>> slugOf, Slug slug,
        Func<string, CancellationToken, Task<bool>> isInUse, CancellationToken cancellationToken)
    {
        if (!await isInUse(slug.Value, cancellationToken))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var prefix = slug.Value + "-";
        var taken = await rows.Select(slugOf)
            .Where(value => value == slug.Value || EF.Functions.Like(value, prefix + "%"))
            .ToListAsync(cancellationToken);
        return taken.ToHashSet(StringComparer.Ordinal);
    }
}
