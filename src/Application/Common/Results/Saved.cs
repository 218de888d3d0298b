namespace Ecommerce.Application.Common.Results;

/// <summary>
/// What a write returns. The unit of work saves after the handler has returned, and only then are
/// the database-generated id and row version known, so the response is read on first access.
/// </summary>
public sealed class Saved<T>(Func<T> read)
{
    private readonly Lazy<T> _value = new(read, LazyThreadSafetyMode.None);

    public T Value => _value.Value;
}
