namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>One request of a load loop and what came back; times are from the start of the test.</summary>
/// <param name="Status">The HTTP status, 0 when no answer came at all.</param>
/// <param name="Code">The problem's <c>code</c>, for a problem that has one.</param>
internal sealed record LoadAnswer(
    string Operation, bool IsWrite, TimeSpan SentAt, TimeSpan AnsweredAt, int Status, string? Code, bool IsProblem, bool HasRetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
