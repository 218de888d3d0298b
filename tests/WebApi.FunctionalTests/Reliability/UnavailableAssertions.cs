namespace Ecommerce.WebApi.FunctionalTests.Reliability;

internal static class UnavailableAssertions
{
    /// <summary>Asserts a 503 problem with a <c>Retry-After</c> of a few seconds and a <c>detail</c>, and returns its JSON.</summary>
    public static async Task<JsonElement> AssertUnavailableAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 10 }, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("SELECT", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        return problem;
    }
}
