namespace Ecommerce.WebApi.FunctionalTests.Idempotency;

/// <summary>A POST with an <c>Idempotency-Key</c>, and what a client sees of its answer.</summary>
internal static class IdempotentPosts
{
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, string json, params string[] keys)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var key in keys)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    public static async Task<Answer> AnswerAsync(this HttpResponseMessage response) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(),
        response.Headers.Location?.ToString(),
        response.Headers.ETag?.ToString());

    public static string Quoted(string key) => "\"" + key + "\"";

    public static string NewKey() => Quoted(Guid.NewGuid().ToString());
}

internal sealed record Answer(HttpStatusCode Status, string Body, string? Location, string? ETag);
