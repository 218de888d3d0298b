namespace Ecommerce.Application.Common.Behaviors;

/// <summary>Runs every validator of the request; failures become a validation error, not an exception.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IOutcome<TResponse>
{
    private readonly IValidator<TMessage>[] _validators = [.. validators];

    // Messages without validators (the reads) pass straight through, with no async state machine of their own.
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        _validators.Length == 0 ? next(message, cancellationToken) : ValidateThenHandleAsync(message, next, cancellationToken);

    private async ValueTask<TResponse> ValidateThenHandleAsync(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var fields = failures
            .GroupBy(failure => FieldName(failure.PropertyName), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return TResponse.Failure(Error.Validation(fields));
    }

    /// <summary>
    /// The name clients know the field by: bodies and query strings are flat, so a field nested in a
    /// message (<c>Body.Name</c>, <c>Filter.minPrice</c>) is named by its last segment, in camelCase.
    /// </summary>
    private static string FieldName(string propertyPath)
    {
        var name = propertyPath[(propertyPath.LastIndexOf('.') + 1)..];
        return name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
