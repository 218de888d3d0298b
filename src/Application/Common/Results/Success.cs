namespace Ecommerce.Application.Common.Results;

/// <summary>The value of a use case that succeeds with nothing to return.</summary>
public readonly record struct Success
{
    public static Success Instance => default;
}
