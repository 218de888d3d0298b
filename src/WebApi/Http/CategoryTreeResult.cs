using System.Reflection;
using System.Text.Json;
using Ecommerce.Application.Categories;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// The category tree as a <c>200</c>, written node by node with a stack of its own: the serializer
/// recurses once per level and enforces the JSON depth limit, which is meant for request bodies,
/// whereas the tree is as deep as clients have made it. The JSON is the serializer's, property for
/// property; the OpenAPI description is that of <c>Ok&lt;IReadOnlyList&lt;CategoryTreeNode&gt;&gt;</c>.
/// </summary>
public sealed class CategoryTreeResult(IReadOnlyList<CategoryTreeNode> roots)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<IReadOnlyList<CategoryTreeNode>>
{
    private const int FlushThresholdBytes = 16 * 1024;

    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Slug = JsonEncodedText.Encode("slug");
    private static readonly JsonEncodedText ParentId = JsonEncodedText.Encode("parentId");
    private static readonly JsonEncodedText IsActive = JsonEncodedText.Encode("isActive");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updatedAt");
    private static readonly JsonEncodedText Children = JsonEncodedText.Encode("children");

    public int? StatusCode => StatusCodes.Status200OK;

    public IReadOnlyList<CategoryTreeNode> Value => roots;

    object? IValueHttpResult.Value => roots;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status200OK, typeof(IReadOnlyList<CategoryTreeNode>), ["application/json"]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var serializer = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";

        var body = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions
        {
            Encoder = serializer.Encoder,
            Indented = serializer.WriteIndented,
            MaxDepth = int.MaxValue,
        });
        var cancellationToken = httpContext.RequestAborted;
        var flushed = 0L;

        // Each entry is a list of siblings and the index of the next one to write.
        var levels = new Stack<(IReadOnlyList<CategoryTreeNode> Siblings, int Next)>();
        writer.WriteStartArray();
        levels.Push((roots, 0));
        while (levels.TryPop(out var level))
        {
            if (level.Next == level.Siblings.Count)
            {
                writer.WriteEndArray();
                if (levels.Count > 0)
                {
                    writer.WriteEndObject();
                }

                continue;
            }

            var node = level.Siblings[level.Next];
            levels.Push((level.Siblings, level.Next + 1));
            WriteFields(writer, node);
            writer.WritePropertyName(Children);
            writer.WriteStartArray();
            levels.Push((node.Children, 0));

            // Sends the response in pieces rather than holding all of a large tree in the pipe.
            if (writer.BytesCommitted + writer.BytesPending - flushed >= FlushThresholdBytes)
            {
                writer.Flush();
                flushed = writer.BytesCommitted;
                await body.FlushAsync(cancellationToken);
            }
        }

        writer.Flush();
        await body.FlushAsync(cancellationToken);
    }

    private static void WriteFields(Utf8JsonWriter writer, CategoryTreeNode node)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Id, node.Id);
        writer.WriteString(Name, node.Name);
        writer.WriteString(Slug, node.Slug);
        if (node.ParentId is { } parentId)
        {
            writer.WriteNumber(ParentId, parentId);
        }
        else
        {
            writer.WriteNull(ParentId);
        }

        writer.WriteBoolean(IsActive, node.IsActive);
        writer.WriteString(CreatedAt, node.CreatedAt);
        writer.WriteString(UpdatedAt, node.UpdatedAt);
    }
}
