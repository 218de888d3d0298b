namespace Ecommerce.Application.Common.Results;

/// <summary>An expected failure of a use case. <see cref="Fields"/> holds per-field messages for validation.</summary>
public sealed record Error(
    ErrorKind Kind,
    string Code,
    string Description,
    IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error NotFound(string resource) =>
        new(ErrorKind.NotFound, $"{resource}.NotFound", $"The {resource.ToLowerInvariant()} was not found.");

    public static Error Conflict(string code, string description) => new(ErrorKind.Conflict, code, description);

    public static Error PreconditionFailed(string resource) =>
        new(ErrorKind.PreconditionFailed, $"{resource}.PreconditionFailed",
            $"The {resource.ToLowerInvariant()} has changed since it was read; fetch it again and retry.");

    /// <param name="field">The camelCase name clients know the field by.</param>
    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "Validation", "One or more validation errors occurred.", fields);
}
