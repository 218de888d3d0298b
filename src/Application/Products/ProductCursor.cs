using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace Ecommerce.Application.Products;

/// <summary>
/// Where a page of products ended: the last item's sort key and id, for the order and the search it
/// belongs to. Clients see it as <c>after</c>, an opaque string: a versioned binary form in base64url,
/// at most <see cref="MaxLength"/> characters. The key is the item's own (not its position), so a
/// walk continues at the same place however many items are inserted or deleted before it.
/// </summary>
/// <param name="Search">A fingerprint of <c>q</c> (0 without one): a cursor only continues the search it came from.</param>
public sealed record ProductCursor(ProductSort Sort, int Id, uint Search)
{
    public const int MaxLength = 512;

    private const byte Version = 1;
    private const int HeaderLength = 10;
    private const int MaxBytes = MaxLength / 4 * 3;

    /// <summary>The most bytes of a name a cursor holds; a longer name is carried as its first bytes (<see cref="NameIsPrefix"/>).</summary>
    private const int MaxNameBytes = MaxBytes - HeaderLength - 1;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The name, for the name orders.</summary>
    public string Name { get; init; } = "";

    /// <summary>The name was too long to carry whole: <see cref="Name"/> is its beginning, and the item's name is read by <see cref="Id"/>.</summary>
    public bool NameIsPrefix { get; init; }

    /// <summary>The price or the rating, for those orders.</summary>
    public decimal Number { get; init; }

    /// <summary>The creation time (UTC), for <see cref="ProductSort.Newest"/>.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>The relevance tier, for <see cref="ProductSort.Relevance"/>.</summary>
    public int Tier { get; init; }

    /// <summary>The cursor after <paramref name="last"/>, in <paramref name="sort"/> order of the search <paramref name="search"/>.</summary>
    public static ProductCursor After(ProductSort sort, string? search, ProductDto last, int tier = 0)
    {
        var cursor = new ProductCursor(sort, last.Id, Fingerprint(search));
        return sort switch
        {
            ProductSort.Name or ProductSort.NameDescending => WithName(cursor, last.Name),
            ProductSort.Price or ProductSort.PriceDescending => cursor with { Number = last.Price },
            ProductSort.Rating or ProductSort.RatingDescending => cursor with { Number = last.Rating },
            ProductSort.Newest => cursor with { CreatedAt = DateTime.SpecifyKind(last.CreatedAt, DateTimeKind.Utc) },
            ProductSort.Relevance => cursor with { Tier = tier },
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
    }

    /// <summary>Whether this cursor continues a list in <paramref name="sort"/> order of the search <paramref name="search"/>.</summary>
    public bool Continues(ProductSort sort, string? search) => Sort == sort && Search == Fingerprint(search);

    public string Encode()
    {
        var bytes = new List<byte>(HeaderLength + 9) { Version, (byte)Sort };
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(number, Search);
        bytes.AddRange(number[..4]);
        BinaryPrimitives.WriteInt32BigEndian(number, Id);
        bytes.AddRange(number[..4]);
        switch (Sort)
        {
            case ProductSort.Name or ProductSort.NameDescending:
                bytes.Add(NameIsPrefix ? (byte)1 : (byte)0);
                bytes.AddRange(Encoding.UTF8.GetBytes(Name));
                break;
            case ProductSort.Relevance:
                bytes.Add((byte)Tier);
                break;
            default:
                BinaryPrimitives.WriteInt64BigEndian(number, Sort == ProductSort.Newest ? CreatedAt.Ticks : (long)(Number * 100));
                bytes.AddRange(number.ToArray());
                break;
        }

        return Base64Url.EncodeToString([.. bytes]);
    }

    /// <returns>The cursor, or null when <paramref name="text"/> is not one this version of the service wrote.</returns>
    public static ProductCursor? Decode(string text)
    {
        if (text.Length is 0 or > MaxLength || !Base64Url.IsValid(text))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes.Length <= HeaderLength || bytes[0] != Version || !Enum.IsDefined((ProductSort)bytes[1]))
        {
            return null;
        }

        var cursor = new ProductCursor(
            (ProductSort)bytes[1], BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(6)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)));
        var key = bytes.AsSpan(HeaderLength);
        if (cursor.Id < 1)
        {
            return null;
        }

        return cursor.Sort switch
        {
            ProductSort.Name or ProductSort.NameDescending => NameOf(cursor, key),
            ProductSort.Relevance => key is [>= 1 and <= 5] ? cursor with { Tier = key[0] } : null,
            ProductSort.Newest => key.Length == 8 && BinaryPrimitives.ReadInt64BigEndian(key) is >= 0 and var ticks && ticks <= DateTime.MaxValue.Ticks
                ? cursor with { CreatedAt = new DateTime(ticks, DateTimeKind.Utc) }
                : null,
            _ => key.Length == 8 && BinaryPrimitives.ReadInt64BigEndian(key) is >= 0 and var hundredths && hundredths <= (long)(Product.MaxPrice * 100)
                ? cursor with { Number = hundredths / 100m }
                : null,
        };
    }

    /// <summary>FNV-1a of the trimmed search: short, stable across processes, and enough to tell searches apart.</summary>
    private static uint Fingerprint(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return 0;
        }

        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(search.Trim()))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static ProductCursor WithName(ProductCursor cursor, string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
        {
            return cursor with { Name = name };
        }

        var length = 0;
        var bytes = 0;
        while (length < name.Length)
        {
            var step = char.IsHighSurrogate(name[length]) && length + 1 < name.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(name.AsSpan(length, step));
            if (bytes + size > MaxNameBytes)
            {
                break;
            }

            bytes += size;
            length += step;
        }

        return cursor with { Name = name[..length], NameIsPrefix = true };
    }

    private static ProductCursor? NameOf(ProductCursor cursor, ReadOnlySpan<byte> key)
    {
        if (key is not [0 or 1, ..])
        {
            return null;
        }

        string name;
        try
        {
            name = StrictUtf8.GetString(key[1..]);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // PostgreSQL text holds no NUL, and no product name holds a control character.
        return name.Length > Product.MaxNameLength || name.Any(char.IsControl) ? null : cursor with { Name = name, NameIsPrefix = key[0] == 1 };
    }
}
