using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ecommerce.Infrastructure.Persistence;

internal static class OpenConnectionScope
{
    /// <summary>
    /// Opens the context's connection and keeps it open until the result is disposed, so that the
    /// statements in between share it instead of renting it from the pool one by one. EF Core leaves
    /// a connection that was opened explicitly open until it is closed explicitly.
    /// </summary>
    public static async Task<IAsyncDisposable> KeepConnectionOpenAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        return new Scope(database);
    }

    /// <summary>
    /// Opens the connection of a command's context on its first statement and keeps it for the
    /// rest of the command, the save included; the context closes it when the request's scope ends.
    /// </summary>
    public static Task KeepOpenForTheCommandAsync(this DatabaseFacade database, CancellationToken cancellationToken) =>
        database.GetDbConnection().State == ConnectionState.Open ? Task.CompletedTask : database.OpenConnectionAsync(cancellationToken);

    private sealed class Scope(DatabaseFacade database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await database.CloseConnectionAsync();
    }
}
