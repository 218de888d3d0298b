using Ecommerce.Infrastructure.Persistence.Idempotency;

namespace Ecommerce.WebApi.Idempotency;

/// <summary>An endpoint's answer, written to a buffer so that it can be stored, and stored answers sent again.</summary>
internal sealed class RecordedResponse(StoredResponse response) : IResult
{
    public StoredResponse Response => response;

    /// <summary>Runs the endpoint's result into memory: status, headers and body as the client would get them.</summary>
    public static async Task<RecordedResponse> CaptureAsync(HttpContext context, IResult result)
    {
        var http = context.Response;
        var original = http.Body;

        // Not disposed: the framework may still flush the wrapper it put around this stream when the response completes.
        var buffer = new MemoryStream();
        http.Body = buffer;
        try
        {
            await result.ExecuteAsync(context);
            await http.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            http.Body = original;
        }

        return new RecordedResponse(new StoredResponse(
            http.StatusCode,
            http.ContentType,
            http.Headers.Location.Count == 0 ? null : http.Headers.Location.ToString(),
            http.Headers.ETag.Count == 0 ? null : http.Headers.ETag.ToString(),
            buffer.ToArray()));
    }

    public bool IsSuccess => response.StatusCode is >= 200 and < 300;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }

        if (response.ETag is not null)
        {
            http.Headers.ETag = response.ETag;
        }

        if (response.Body.Length > 0)
        {
            await http.Body.WriteAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
