using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ecommerce.Application.Products;

namespace Ecommerce.WebApi.Bulk;

/// <summary>
/// Writes exported rows as they are read, in the format import reads, flushing every few rows so that
/// the response streams and the service holds no more than a batch.
/// </summary>
internal static class ExportWriter
{
    private const int RowsPerFlush = 256;

    // The body is data for programs, never HTML: non-ASCII names stay as they are rather than \u-escaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static async Task WriteNdjsonAsync(IAsyncEnumerable<ImportRow> rows, PipeWriter output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, JsonOptions);
        var unflushed = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("name", row.Name);
            json.WriteString("slug", row.Slug);
            json.WriteString("description", row.Description);
            json.WriteNumber("price", row.Price!.Value);
            json.WriteString("imageUrl", row.ImageUrl);
            json.WriteNumber("stock", row.Stock!.Value);
            json.WriteString("category", row.Category);
            json.WriteEndObject();
            json.Flush();
            output.Write("\n"u8);
            json.Reset(output);
            if (++unflushed == RowsPerFlush)
            {
                unflushed = 0;
                await output.FlushAsync(cancellationToken);
            }
        }

        await output.FlushAsync(cancellationToken);
    }

    public static async Task WriteCsvAsync(IAsyncEnumerable<ImportRow> rows, PipeWriter output, CancellationToken cancellationToken)
    {
        var line = new StringBuilder(512);
        line.AppendJoin(',', ImportRow.FieldNames).Append("\r\n");
        Write(output, line);
        var unflushed = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            Field(line, row.Name).Append(',');
            Field(line, row.Slug).Append(',');
            Field(line, row.Description).Append(',');
            line.Append(row.Price!.Value.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(line, row.ImageUrl).Append(',');
            line.Append(row.Stock!.Value.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(line, row.Category).Append("\r\n");
            Write(output, line);
            if (++unflushed == RowsPerFlush)
            {
                unflushed = 0;
                await output.FlushAsync(cancellationToken);
            }
        }

        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Quoted, with its quotes doubled, when it holds what would end it early.</summary>
    private static StringBuilder Field(StringBuilder line, string? value)
    {
        if (value is null)
        {
            return line;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? line.Append(value)
            : line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static void Write(PipeWriter output, StringBuilder line)
    {
        // Whole, so that no surrogate pair is split between two of the builder's chunks.
        var text = line.ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
