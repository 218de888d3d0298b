using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ecommerce.WebApi.FunctionalTests.Performance;

/// <summary>
/// The statements Npgsql sends to one database, seen through its <c>ActivitySource</c>: every command and
/// batch, whether EF Core or plain Npgsql code made it. The source is process-wide, so other databases'
/// statements are left out by the activity's database name.
/// </summary>
internal sealed class SentStatements : IDisposable
{
    private static readonly string[] StatementTags = ["db.query.text", "db.statement"];
    private static readonly string[] DatabaseTags = ["db.namespace", "db.name"];

    private readonly ConcurrentQueue<string> _statements = new();
    private readonly ActivityListener _listener;

    public SentStatements(string database)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (DatabaseTags.Any(tag => activity.GetTagItem(tag) as string == database)
                    && StatementTags.Select(activity.GetTagItem).OfType<string>().FirstOrDefault() is { } statement)
                {
                    _statements.Enqueue(statement);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Statements => [.. _statements];

    public void Dispose() => _listener.Dispose();
}
