using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ecommerce.Application.Products;
using Ecommerce.WebApi.Http;

namespace Ecommerce.WebApi.Bulk;

/// <summary>
/// Reads an NDJSON body line by line as it arrives: one JSON object per line, blank lines skipped. Only
/// the line being read is held; a line longer than <see cref="MaxLineBytes"/> is rejected and skipped.
/// </summary>
internal static class NdjsonImportReader
{
    /// <summary>Far above the largest valid product (4,000 characters of description, each escaped as <c>\uXXXX</c>).</summary>
    public const int MaxLineBytes = 256 * 1024;

    public const string RowKey = "row";

    /// <summary>A row is flat; the JSON bodies' own depth limit is far more than it needs.</summary>
    private const int MaxDepth = 8;

    public static async IAsyncEnumerable<ImportLine> ReadAsync(PipeReader body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        var skippingLongLine = false;
        var parsed = new List<ImportLine>();
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end);
                buffer = buffer.Slice(buffer.GetPosition(1, end));
                if (skippingLongLine)
                {
                    skippingLongLine = false;
                    continue;
                }

                lineNumber++;
                AddParsed(parsed, line, lineNumber);
            }

            if (result.IsCompleted)
            {
                if (!skippingLongLine && buffer.Length > 0)
                {
                    AddParsed(parsed, buffer, ++lineNumber);
                }

                body.AdvanceTo(buffer.End);
            }
            else if (buffer.Length > MaxLineBytes)
            {
                if (!skippingLongLine)
                {
                    parsed.Add(Rejected(++lineNumber, $"A line is at most {MaxLineBytes} bytes."));
                    skippingLongLine = true;
                }

                body.AdvanceTo(buffer.End);
            }
            else
            {
                body.AdvanceTo(buffer.Start, buffer.End);
            }

            foreach (var line in parsed)
            {
                yield return line;
            }

            parsed.Clear();
            if (result.IsCompleted)
            {
                yield break;
            }
        }
    }

    private static void AddParsed(List<ImportLine> parsed, ReadOnlySequence<byte> line, int lineNumber)
    {
        if (Parse(line, lineNumber) is { } row)
        {
            parsed.Add(row);
        }
    }

    private static ImportLine? Parse(ReadOnlySequence<byte> line, int lineNumber)
    {
        var bytes = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        if (lineNumber == 1 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (bytes.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            var row = JsonSerializer.Deserialize(ref reader, CatalogJsonContext.Default.ImportRow);
            if (row is null)
            {
                return Rejected(lineNumber, "A line holds one JSON object.");
            }

            reader.Read();
            return new ImportLine(lineNumber, row);
        }
        catch (JsonException exception)
        {
            var field = exception.Path?.TrimStart('$').TrimStart('.');
            return string.IsNullOrEmpty(field)
                ? Rejected(lineNumber, "The line is not a JSON object.")
                : new ImportLine(lineNumber, null, new Dictionary<string, string[]> { [field] = [$"The value of '{field}' is not valid for its type."] });
        }
    }

    public static ImportLine Rejected(int lineNumber, string message) =>
        new(lineNumber, null, new Dictionary<string, string[]> { [RowKey] = [message] });
}
