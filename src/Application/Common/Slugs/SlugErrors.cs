namespace Ecommerce.Application.Common.Slugs;

/// <summary>The one answer to a slug that is taken, whether the handler saw it or the unique index refused it.</summary>
public static class SlugErrors
{
    private const string TakenSuffix = ".SlugTaken";

    public static Error Taken(string resource, string description) => Error.Conflict(resource + TakenSuffix, description);

    public static bool IsTaken(Error error) =>
        error.Kind == ErrorKind.Conflict && error.Code.EndsWith(TakenSuffix, StringComparison.Ordinal);
}
