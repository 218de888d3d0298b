using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.Common.Results;

/// <summary>What a refused save means to the client, and which refusals are races worth running the command again for.</summary>
public static class SaveOutcomeErrors
{
    public static Error ToError(this SaveOutcome outcome, string resource) => outcome switch
    {
        { BrokenRule: { } rule } => CatalogRuleErrors.For(rule),
        // The only unique index a write can break is the slug's: another request took it between our check and our write.
        { Refusal: SaveRefusal.UniqueViolation } => SlugErrors.Taken(resource, "The slug was taken by another request; choose another one."),
        { Refusal: SaveRefusal.StaleRow } => Error.PreconditionFailed(resource),
        { Refusal: SaveRefusal.RowMissing } => Error.NotFound(resource),
        _ => throw new ArgumentException("A saved outcome is not an error.", nameof(outcome)),
    };
}
