using System.Text.Json.Serialization;

namespace Ecommerce.Application.Common.Paging;

/// <summary>
/// One page of a list. <see cref="Page"/> is null for a page asked by cursor. <see cref="TotalCount"/>
/// is exact up to <see cref="TotalCap"/> and then that cap, as <see cref="TotalCountRelation"/> says.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int? Page, int PageSize, int TotalCount)
{
    /// <summary>Totals are counted this far and no further; offset paging covers this many items.</summary>
    public const int TotalCap = 10_000;

    public TotalCountRelation TotalCountRelation { get; init; } = TotalCountRelation.Eq;

    public int TotalPages => TotalCount == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    /// <summary>The relative URL of the following page; null on the last page.</summary>
    public string? Next { get; init; }

    /// <summary>The cursor that continues after this page's last item, for the host to turn into <see cref="Next"/>.</summary>
    [JsonIgnore]
    public string? NextCursor { get; init; }

    /// <summary>The page's total from a count that stopped at one past <see cref="TotalCap"/>.</summary>
    public static PagedList<T> Counted(IReadOnlyList<T> items, int? page, int pageSize, long countedUpToCapPlusOne) =>
        countedUpToCapPlusOne > TotalCap
            ? new(items, page, pageSize, TotalCap) { TotalCountRelation = TotalCountRelation.Gte }
            : new(items, page, pageSize, (int)countedUpToCapPlusOne);
}

/// <summary>Whether <c>totalCount</c> is the exact number of matches or a lower bound of it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TotalCountRelation>))]
public enum TotalCountRelation
{
    [JsonStringEnumMemberName("eq")]
    Eq,

    [JsonStringEnumMemberName("gte")]
    Gte,
}
