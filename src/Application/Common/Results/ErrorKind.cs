namespace Ecommerce.Application.Common.Results;

/// <summary>The kinds of expected failure; the web layer maps each to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    PreconditionFailed,
}
