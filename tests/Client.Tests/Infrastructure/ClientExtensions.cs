using Ecommerce.Client.Tests.Generated.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Ecommerce.Client.Tests.Infrastructure;

public static class ClientExtensions
{
    /// <summary>
    /// The messages of a 400 by field. The document types <c>errors</c> as a map, which Kiota
    /// exposes as the additional data of an otherwise empty object.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Messages(this HttpValidationProblemDetails problem) =>
        (problem.Errors?.AdditionalData ?? new Dictionary<string, object>()).ToDictionary(
            field => field.Key,
            field => ((UntypedArray)field.Value).GetValue().Cast<UntypedString>().Select(message => message.GetValue() ?? "").ToArray());

    /// <summary>Asks for the response headers, which Kiota hands back through a request option.</summary>
    public static HeadersInspectionHandlerOption InspectResponseHeaders<T>(this RequestConfiguration<T> configuration)
        where T : class, new()
    {
        var inspection = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        configuration.Options.Add(inspection);
        return inspection;
    }

    public static string ETag(this HeadersInspectionHandlerOption inspection) =>
        Assert.Single(inspection.ResponseHeaders["ETag"]);
}
