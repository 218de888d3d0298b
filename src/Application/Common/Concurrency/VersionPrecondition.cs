namespace Ecommerce.Application.Common.Concurrency;

/// <summary>
/// The row versions a client says it last saw (from <c>If-Match</c>). A write proceeds only when the
/// current version is one of them; <see cref="Any"/> (<c>If-Match: *</c>) accepts every version.
/// </summary>
public sealed record VersionPrecondition
{
    private readonly IReadOnlyCollection<uint> _versions;

    private VersionPrecondition(IReadOnlyCollection<uint> versions, bool acceptsAny)
    {
        _versions = versions;
        AcceptsAny = acceptsAny;
    }

    public static VersionPrecondition Any { get; } = new([], acceptsAny: true);

    public bool AcceptsAny { get; }

    /// <summary>The versions accepted when not <see cref="AcceptsAny"/>; none for <see cref="None"/>.</summary>
    public IReadOnlyCollection<uint> Versions => _versions;

    /// <summary>A precondition no version satisfies, for tags that could never match (weak or malformed).</summary>
    public static VersionPrecondition None { get; } = new([], acceptsAny: false);

    public static VersionPrecondition OneOf(IReadOnlyCollection<uint> versions) => new(versions, acceptsAny: false);

    public bool IsSatisfiedBy(uint currentVersion) => AcceptsAny || _versions.Contains(currentVersion);
}
