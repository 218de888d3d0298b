using System.Net.Sockets;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>
/// Reads a database exception, however EF Core wrapped it (<c>DbUpdateException</c>, or the
/// <c>InvalidOperationException</c> its execution strategy puts around transient failures). A
/// cancellation is never a database failure, whatever it carries inside: the request was cancelled.
/// </summary>
public static class DatabaseFailures
{
    public static DatabaseFailure Classify(Exception exception)
    {
        if (Find<WriteOutcomeUnknownException>(exception) is not null)
        {
            return DatabaseFailure.WriteOutcomeUnknown;
        }

        return Find<NpgsqlException>(exception) switch
        {
            PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => DatabaseFailure.StatementTimeout,
            { } failure when IsTransientFailure(failure) => DatabaseFailure.Unavailable,
            _ => DatabaseFailure.None,
        };
    }

    /// <summary>Whether trying again may succeed: the database was unreachable or in a transient state.</summary>
    internal static bool IsTransient(Exception exception) => Find<NpgsqlException>(exception) is { } failure && IsTransientFailure(failure);

    /// <summary>
    /// Whether the failure broke the connection it happened on: the server went away, restarted,
    /// refused or reset it. (Npgsql then clears the pool itself: its other connections are likely dead too.)
    /// </summary>
    internal static bool BreaksConnection(Exception exception) => Find<NpgsqlException>(exception) switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        { InnerException: IOException or SocketException } => true,
        _ => false,
    };

    /// <summary>
    /// Whether a read may be sent again: a transient failure that did not already use up its time
    /// (a connect or pool timeout would only make the client wait that long again).
    /// </summary>
    internal static bool MayRetryRead(Exception exception) =>
        Find<NpgsqlException>(exception) is { } failure && IsTransientFailure(failure) && failure.InnerException is not TimeoutException;

    /// <summary>
    /// Whether a write that failed this way while it was being saved may have been applied anyway:
    /// the connection broke or timed out before the database's answer arrived.
    /// </summary>
    internal static bool LeavesWriteOutcomeUnknown(Exception exception) =>
        BreaksConnection(exception) || Find<NpgsqlException>(exception) is { InnerException: TimeoutException };

    /// <summary>
    /// Npgsql's own verdict, and the multi-host pools' "no host": every host of a standby's query pool (the
    /// standby, then the primary) failed or was marked offline for a few seconds after it failed. Npgsql
    /// raises that as a plain exception, which it does not call transient; it passes like any outage.
    /// </summary>
    private static bool IsTransientFailure(NpgsqlException failure) => failure.IsTransient || (failure.GetType() == typeof(NpgsqlException) && failure.InnerException switch
    {
        null => failure.Message.StartsWith(NoSuitableHost, StringComparison.Ordinal),
        AggregateException hosts => hosts.InnerExceptions.All(host => host is NpgsqlException { IsTransient: true }),
        _ => false,
    });

    private const string NoSuitableHost = "No suitable host was found";

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null and not OperationCanceledException; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
