namespace Ecommerce.Application.Common.Slugs;

public static class SlugAllocator
{
    /// <summary>
    /// The first of <paramref name="wanted"/>, <c>wanted-2</c>, <c>wanted-3</c>, ... that is not in
    /// <paramref name="taken"/>.
    /// </summary>
    public static Slug FirstFree(Slug wanted, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(wanted.Value))
        {
            return wanted;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = wanted.WithSuffix(suffix);
            if (!taken.Contains(candidate.Value))
            {
                return candidate;
            }
        }
    }
}
