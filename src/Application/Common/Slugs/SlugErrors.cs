namespace Ecommerce.Application.Common.Slugs;

/// <summary>The one answer to a slug that is taken, whether the handler saw it or the unique index refused it.</summary>
public static class SlugErrors
{
    private const string TakenSuffix = ".SlugTaken";

    public static Error Taken(string resource, string description) => Error.Conflict(resource + TakenSuffix, description);

    /// <summary>A slug the client asked for that another row has.</summary>
    public static Error Taken(string resource, Slug requested) => Taken(resource, $"The slug '{requested.Value}' is already taken.");

    public static bool IsTaken(Error error) =>
        error.Kind == ErrorKind.Conflict && error.Code.EndsWith(TakenSuffix, StringComparison.Ordinal);
}
