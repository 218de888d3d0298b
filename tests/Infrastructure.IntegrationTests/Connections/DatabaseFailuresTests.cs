using System.Net.Sockets;
using Ecommerce.Infrastructure.Persistence.Connections;

namespace Ecommerce.Infrastructure.IntegrationTests.Connections;

/// <summary>How failures are read, wrapped as EF Core hands them over: what becomes a 503, what a read may retry.</summary>
public sealed class DatabaseFailuresTests
{
    private static readonly NpgsqlException Refused = new("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused));
    private static readonly NpgsqlException StreamBroken = new("Exception while reading from stream", new EndOfStreamException());
    private static readonly NpgsqlException PoolExhausted = new("The connection pool has been exhausted", new TimeoutException());

    public static TheoryData<string, Exception, DatabaseFailure> Failures => new()
    {
        { "connection refused", Refused, DatabaseFailure.Unavailable },
        { "stream broken, as EF Core's strategy wraps it", EfStrategyWrapped(StreamBroken), DatabaseFailure.Unavailable },
        { "admin shutdown", Postgres(PostgresErrorCodes.AdminShutdown), DatabaseFailure.Unavailable },
        { "crash shutdown", Postgres(PostgresErrorCodes.CrashShutdown), DatabaseFailure.Unavailable },
        { "starting up", Postgres(PostgresErrorCodes.CannotConnectNow), DatabaseFailure.Unavailable },
        { "connection failure (08006)", Postgres(PostgresErrorCodes.ConnectionFailure), DatabaseFailure.Unavailable },
        { "too many connections", Postgres(PostgresErrorCodes.TooManyConnections), DatabaseFailure.Unavailable },
        { "deadlock in a save", new DbUpdateException("save", Postgres(PostgresErrorCodes.DeadlockDetected)), DatabaseFailure.Unavailable },
        { "pool exhausted", PoolExhausted, DatabaseFailure.Unavailable },
        { "statement timeout", Postgres(PostgresErrorCodes.QueryCanceled), DatabaseFailure.StatementTimeout },
        { "write outcome unknown", new WriteOutcomeUnknownException(StreamBroken), DatabaseFailure.WriteOutcomeUnknown },
        { "unique violation", new DbUpdateException("save", Postgres(PostgresErrorCodes.UniqueViolation)), DatabaseFailure.None },
        { "undefined column", Postgres(PostgresErrorCodes.UndefinedColumn), DatabaseFailure.None },
        { "a request cancelled while its query ran", new OperationCanceledException("cancelled", Postgres(PostgresErrorCodes.QueryCanceled)), DatabaseFailure.None },
        { "not a database failure", new InvalidOperationException("bug"), DatabaseFailure.None },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Failures_are_classified_through_their_wrappers(string failure, Exception exception, DatabaseFailure expected) =>
        Assert.True(expected == DatabaseFailures.Classify(exception), $"{failure}: expected {expected}, got {DatabaseFailures.Classify(exception)}");

    [Fact]
    public void A_read_is_retried_after_a_broken_connection_but_not_after_a_timeout()
    {
        Assert.True(DatabaseFailures.MayRetryRead(Refused));
        Assert.True(DatabaseFailures.MayRetryRead(EfStrategyWrapped(StreamBroken)));
        Assert.True(DatabaseFailures.MayRetryRead(Postgres(PostgresErrorCodes.CannotConnectNow)));
        Assert.False(DatabaseFailures.MayRetryRead(PoolExhausted));
        Assert.False(DatabaseFailures.MayRetryRead(Postgres(PostgresErrorCodes.QueryCanceled)));
        Assert.False(DatabaseFailures.MayRetryRead(Postgres(PostgresErrorCodes.UndefinedColumn)));
    }

    [Fact]
    public void Only_a_broken_or_timed_out_connection_leaves_a_write_outcome_unknown()
    {
        Assert.True(DatabaseFailures.LeavesWriteOutcomeUnknown(new DbUpdateException("save", StreamBroken)));
        Assert.True(DatabaseFailures.LeavesWriteOutcomeUnknown(EfStrategyWrapped(new DbUpdateException("save", Postgres(PostgresErrorCodes.AdminShutdown)))));
        Assert.True(DatabaseFailures.LeavesWriteOutcomeUnknown(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
        // The server answered with an error: the statement, and so the write, did not happen.
        Assert.False(DatabaseFailures.LeavesWriteOutcomeUnknown(new DbUpdateException("save", Postgres(PostgresErrorCodes.DeadlockDetected))));
        Assert.False(DatabaseFailures.LeavesWriteOutcomeUnknown(new DbUpdateException("save", Postgres(PostgresErrorCodes.UniqueViolation))));
    }

    [Fact]
    public void Pools_are_cleared_after_failures_that_break_connections_only()
    {
        Assert.True(DatabaseFailures.BreaksConnection(Refused));
        Assert.True(DatabaseFailures.BreaksConnection(StreamBroken));
        Assert.True(DatabaseFailures.BreaksConnection(Postgres(PostgresErrorCodes.AdminShutdown)));
        Assert.False(DatabaseFailures.BreaksConnection(PoolExhausted));
        Assert.False(DatabaseFailures.BreaksConnection(Postgres(PostgresErrorCodes.TooManyConnections)));
        Assert.False(DatabaseFailures.BreaksConnection(Postgres(PostgresErrorCodes.QueryCanceled)));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    private static InvalidOperationException EfStrategyWrapped(Exception exception) =>
        new("An exception has been raised that is likely due to a transient failure.", exception);
}
