using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.Common.Results;

/// <summary>What a refused save means to the client, and which refusals are races worth running the command again for.</summary>
public static class SaveOutcomeErrors
{
    /// <summary>A unique index refused the slug: another request took it between our check and our write.</summary>
    public static Error SlugTakenConcurrently { get; } =
        Error.Conflict("Slug.Taken", "The slug was taken by another request; choose another one.");

    public static Error ToError(this SaveOutcome outcome, string resource) => outcome switch
    {
        { BrokenRule: { } rule } => CatalogRuleErrors.For(rule),
        { Refusal: SaveRefusal.UniqueViolation } => SlugTakenConcurrently,
        { Refusal: SaveRefusal.StaleRow } => Error.PreconditionFailed(resource),
        _ => throw new ArgumentException("A saved outcome is not an error.", nameof(outcome)),
    };
}
