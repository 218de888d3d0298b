using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Ecommerce.Application.Products;

namespace Ecommerce.WebApi.Bulk;

/// <summary>
/// Reads a CSV body (RFC 4180, UTF-8, header row) record by record as it arrives. Fields are found by
/// the header's names (those of <see cref="ImportRow.FieldNames"/>, in any order and case; others are
/// ignored); an empty field is an absent value. Quoted fields may hold commas, doubled quotes and line
/// breaks; a record is numbered by the line on which it starts.
/// </summary>
internal static class CsvImportReader
{
    public const string HeaderKey = "header";

    /// <summary>Bounds the memory one record may take, as <see cref="NdjsonImportReader.MaxLineBytes"/> bounds a line.</summary>
    public const int MaxRecordChars = NdjsonImportReader.MaxLineBytes;

    public static async IAsyncEnumerable<ImportLine> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var records = new CsvRecords(text);
        var header = await records.NextAsync(cancellationToken);
        if (header is null)
        {
            yield break;
        }

        var columns = header.Fields.Select(name => name.Trim()).ToArray();
        var missing = new[] { "name", "slug", "price", "stock", "category" }
            .Where(required => !columns.Contains(required, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            yield return new ImportLine(1, null, new Dictionary<string, string[]>
            {
                [HeaderKey] = [$"The header row names the columns; it lacks {string.Join(", ", missing)}."],
            });
            yield break;
        }

        var indexes = ImportRow.FieldNames.ToDictionary(
            field => field, field => Array.FindIndex(columns, column => column.Equals(field, StringComparison.OrdinalIgnoreCase)));
        while (await records.NextAsync(cancellationToken) is { } record)
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
            {
                continue;
            }

            yield return ToLine(record, columns.Length, indexes);
        }
    }

    private static ImportLine ToLine(CsvRecord record, int columnCount, Dictionary<string, int> indexes)
    {
        if (record.Error is { } error)
        {
            return NdjsonImportReader.Rejected(record.Line, error);
        }

        if (record.Fields.Count != columnCount)
        {
            return NdjsonImportReader.Rejected(record.Line, $"The row has {record.Fields.Count} fields; the header has {columnCount}.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Text(string field) => indexes[field] is >= 0 and var index && record.Fields[index].Length > 0 ? record.Fields[index] : null;

        var price = Text("price") is { } priceText
            ? decimal.TryParse(priceText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsedPrice)
                ? parsedPrice
                : Invalid<decimal>(errors, "price", "The value of 'price' is not a number.")
            : (decimal?)null;
        var stock = Text("stock") is { } stockText
            ? int.TryParse(stockText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedStock)
                ? parsedStock
                : Invalid<int>(errors, "stock", "The value of 'stock' is not a whole number.")
            : (int?)null;
        return errors.Count > 0
            ? new ImportLine(record.Line, null, errors)
            : new ImportLine(record.Line, new ImportRow(
                Text("name"), Text("slug"), Text("description"), price, Text("imageUrl"), stock, Text("category")));
    }

    private static T? Invalid<T>(Dictionary<string, string[]> errors, string field, string message)
        where T : struct
    {
        errors[field] = [message];
        return null;
    }

    private sealed record CsvRecord(int Line, List<string> Fields, string? Error);

    /// <summary>The RFC 4180 state machine over a character stream.</summary>
    private sealed class CsvRecords(TextReader text)
    {
        private readonly char[] _buffer = new char[16 * 1024];
        private readonly StringBuilder _field = new();
        private int _length;
        private int _position;
        private int _line = 1;

        public async ValueTask<CsvRecord?> NextAsync(CancellationToken cancellationToken)
        {
            if (!await FillAsync(cancellationToken))
            {
                return null;
            }

            var start = _line;
            var fields = new List<string>();
            string? error = null;
            var quoted = false;
            var wasQuoted = false;
            var recordChars = 0;
            _field.Clear();
            while (await FillAsync(cancellationToken))
            {
                var character = _buffer[_position++];
                if (++recordChars > MaxRecordChars && error is null)
                {
                    error = $"A row is at most {MaxRecordChars} characters.";
                }

                if (quoted)
                {
                    if (character != '"')
                    {
                        _line += character == '\n' ? 1 : 0;
                        Append(character, error);
                    }
                    else if (await FillAsync(cancellationToken) && _buffer[_position] == '"')
                    {
                        _position++;
                        Append('"', error);
                    }
                    else
                    {
                        quoted = false;
                    }

                    continue;
                }

                switch (character)
                {
                    case '"' when _field.Length == 0 && !wasQuoted:
                        quoted = wasQuoted = true;
                        break;
                    case '"':
                        error ??= "A quote appears inside an unquoted field, or after a quoted one; quote the field and double its quotes.";
                        break;
                    case ',':
                        fields.Add(_field.ToString());
                        _field.Clear();
                        wasQuoted = false;
                        break;
                    case '\r':
                        break;
                    case '\n':
                        _line++;
                        fields.Add(_field.ToString());
                        return new CsvRecord(start, fields, error);
                    default:
                        if (wasQuoted)
                        {
                            error ??= "A quoted field ends at its closing quote; nothing may follow it but a comma or the end of the row.";
                        }

                        Append(character, error);
                        break;
                }
            }

            if (quoted)
            {
                error ??= "A quoted field is not closed before the end of the file.";
            }

            fields.Add(_field.ToString());
            return new CsvRecord(start, fields, error);
        }

        private void Append(char character, string? error)
        {
            if (error is null)
            {
                _field.Append(character);
            }
        }

        private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_position < _length)
            {
                return true;
            }

            _length = await text.ReadAsync(_buffer, cancellationToken);
            _position = 0;
            return _length > 0;
        }
    }
}
