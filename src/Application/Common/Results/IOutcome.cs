namespace Ecommerce.Application.Common.Results;

/// <summary>
/// A response that pipeline behaviours can inspect and build from an <see cref="Results.Error"/>
/// without knowing its value type.
/// </summary>
public interface IOutcome<out TSelf>
    where TSelf : IOutcome<TSelf>
{
    Error? Error { get; }

    static abstract TSelf Failure(Error error);
}
