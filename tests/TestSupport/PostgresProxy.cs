using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Ecommerce.TestSupport;

/// <summary>
/// A TCP proxy in front of a PostgreSQL server that a test can make misbehave without stopping
/// the server: lose the answer to one statement after the server executed it (a commit whose reply
/// never arrives), hang (accept connections and never answer), partition (open connections go
/// silent, new ones are reset), or cut every open connection. It follows the protocol's message
/// framing to know where a statement and its answer end.
/// </summary>
public sealed class PostgresProxy : IAsyncDisposable
{
    private const int SslRequestCode = 80877103;
    private const int GssEncRequestCode = 80877104;
    private const int CancelRequestCode = 80877102;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Lock _armLock = new();
    private readonly Task _accepting;
    private Func<string, bool>? _loseReplyTo;
    private TaskCompletionSource<string>? _replyLost;
    private TaskCompletionSource _running = CompletedGate();
    private int _accepted;
    private volatile bool _refusing;

    private PostgresProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections the proxy relays right now.</summary>
    public int OpenConnections => _links.Count;

    /// <summary>Connections clients opened through the proxy so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _accepted);

    /// <summary>A proxy to the server that <paramref name="connectionString"/> names.</summary>
    public static PostgresProxy To(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return new PostgresProxy(target.Host ?? "127.0.0.1", target.Port);
    }

    /// <summary><paramref name="connectionString"/>, through this proxy.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>
    /// The next statement whose SQL satisfies <paramref name="statement"/> reaches the server, which
    /// executes it (and, outside a transaction, commits it); the proxy waits for the server to finish,
    /// drops its answer and resets the client's connection. The task gives the statement's SQL once
    /// that happened.
    /// </summary>
    public Task<string> LoseReplyToNext(Func<string, bool> statement)
    {
        lock (_armLock)
        {
            _loseReplyTo = statement;
            _replyLost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _replyLost.Task;
        }
    }

    /// <summary>Stops relaying in both directions: the server seems to accept connections and never answer.</summary>
    public void Hang()
    {
        lock (_armLock)
        {
            if (_running.Task.IsCompleted)
            {
                _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>
    /// Open connections go silent and new ones are reset at once: the network path to the server is
    /// cut, or the server is gone and its host answers with resets.
    /// </summary>
    public void Partition()
    {
        _refusing = true;
        Hang();
    }

    public void Resume()
    {
        lock (_armLock)
        {
            _refusing = false;
            _running.TrySetResult();
        }
    }

    /// <summary>Resets every open connection, as a network failure or a server crash would.</summary>
    public void CutAll()
    {
        foreach (var link in _links.Keys)
        {
            link.Reset();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Resume();
        CutAll();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private bool TakeArmedMatch(string sql)
    {
        lock (_armLock)
        {
            if (_loseReplyTo is null || !_loseReplyTo(sql))
            {
                return false;
            }

            _loseReplyTo = null;
            return true;
        }
    }

    private void ReportReplyLost(string sql)
    {
        lock (_armLock)
        {
            _replyLost?.TrySetResult(sql);
        }
    }

    private Task WhileHangingAsync()
    {
        lock (_armLock)
        {
            return _running.Task;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            Interlocked.Increment(ref _accepted);
            if (_refusing)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }
            var server = new TcpClient { NoDelay = true };
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, _stopping.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            client.NoDelay = true;
            var link = new Link(this, client, server);
            _links[link] = 0;
            _ = link.RunAsync().ContinueWith(_ => _links.TryRemove(link, out var _), TaskScheduler.Default);
        }
    }

    /// <summary>One client connection and its connection to the server.</summary>
    private sealed class Link(PostgresProxy proxy, TcpClient client, TcpClient server)
    {
        private int _syncPointsSent;
        private int _readyForQuerySeen;
        private int _rawAnswersExpected;
        private int _doomedAt = int.MaxValue;
        private string _doomedSql = string.Empty;
        private int _reset;

        public async Task RunAsync()
        {
            try
            {
                await Task.WhenAny(ClientToServerAsync(), ServerToClientAsync());
            }
            finally
            {
                Reset();
            }
        }

        /// <summary>Closes both sides, the client's with a reset rather than an orderly close.</summary>
        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            try
            {
                client.Client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }

            client.Dispose();
            server.Dispose();
        }

        private async Task ClientToServerAsync()
        {
            try
            {
                var input = client.GetStream();
                var output = server.GetStream();
                var starting = true;
                while (true)
                {
                    byte[] message;
                    if (starting)
                    {
                        // Startup-phase messages have no type byte: a length, then a request code.
                        message = await ReadMessageAsync(input, typeByte: false);
                        var code = BinaryPrimitives.ReadInt32BigEndian(message.AsSpan(4));
                        if (code is SslRequestCode or GssEncRequestCode)
                        {
                            // The server answers these with one unframed byte ('N' when it has no TLS).
                            Interlocked.Increment(ref _rawAnswersExpected);
                        }
                        else
                        {
                            starting = false;
                            if (code != CancelRequestCode)
                            {
                                Interlocked.Increment(ref _syncPointsSent);
                            }
                        }
                    }
                    else
                    {
                        message = await ReadMessageAsync(input, typeByte: true);
                        var type = (char)message[0];
                        if (type is 'P' or 'Q' && proxy.TakeArmedMatch(SqlOf(message)))
                        {
                            _doomedSql = SqlOf(message);
                            Volatile.Write(ref _doomedAt, Volatile.Read(ref _syncPointsSent) + 1);
                        }

                        if (type is 'S' or 'Q')
                        {
                            Interlocked.Increment(ref _syncPointsSent);
                        }
                    }

                    await proxy.WhileHangingAsync();
                    await output.WriteAsync(message);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or EndOfStreamException)
            {
                // One side closed the connection.
            }
        }

        private async Task ServerToClientAsync()
        {
            try
            {
                var input = server.GetStream();
                var output = client.GetStream();
                var first = new byte[1];
                while (true)
                {
                    await input.ReadExactlyAsync(first);
                    if (Volatile.Read(ref _rawAnswersExpected) > 0)
                    {
                        Interlocked.Decrement(ref _rawAnswersExpected);
                        await proxy.WhileHangingAsync();
                        await output.WriteAsync(first);
                        continue;
                    }

                    var header = new byte[4];
                    await input.ReadExactlyAsync(header);
                    var message = new byte[1 + BinaryPrimitives.ReadInt32BigEndian(header)];
                    message[0] = first[0];
                    header.CopyTo(message, 1);
                    await input.ReadExactlyAsync(message.AsMemory(5));

                    // Every message after the ReadyForQuery that precedes the doomed statement's answers it.
                    var doomedAt = Volatile.Read(ref _doomedAt);
                    if (_readyForQuerySeen >= doomedAt - 1)
                    {
                        if (message[0] == (byte)'Z')
                        {
                            proxy.ReportReplyLost(_doomedSql);
                            Reset();
                            return;
                        }

                        continue;
                    }

                    if (message[0] == (byte)'Z')
                    {
                        _readyForQuerySeen++;
                    }

                    await proxy.WhileHangingAsync();
                    await output.WriteAsync(message);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or EndOfStreamException)
            {
                // One side closed the connection.
            }
        }

        private static async Task<byte[]> ReadMessageAsync(NetworkStream input, bool typeByte)
        {
            var headerLength = typeByte ? 5 : 4;
            var header = new byte[headerLength];
            await input.ReadExactlyAsync(header);
            var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(headerLength - 4));
            var message = new byte[headerLength - 4 + length];
            header.CopyTo(message, 0);
            await input.ReadExactlyAsync(message.AsMemory(headerLength));
            return message;
        }

        /// <summary>The SQL of a Parse message (after the statement's name) or of a simple Query.</summary>
        private static string SqlOf(byte[] message)
        {
            var body = message.AsSpan(5);
            if (message[0] == (byte)'P')
            {
                body = body[(body.IndexOf((byte)0) + 1)..];
            }

            var end = body.IndexOf((byte)0);
            return Encoding.UTF8.GetString(end < 0 ? body : body[..end]);
        }
    }
}
