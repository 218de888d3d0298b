namespace Ecommerce.WebApi.FunctionalTests.Infrastructure;

/// <summary>Requests sent at the same moment: each waits at a start line until all are ready.</summary>
internal static class Race
{
    public static async Task<T[]> AllAtOnceAsync<T>(int count, Func<int, Task<T>> send)
    {
        var ready = new CountdownEvent(count);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(index => Task.Run(async () =>
        {
            ready.Signal();
            await start.Task;
            return await send(index);
        })).ToList();

        ready.Wait(TimeSpan.FromSeconds(30));
        start.SetResult();
        return await Task.WhenAll(requests);
    }

    public static Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] sends) => AllAtOnceAsync(sends.Length, index => sends[index]());
}
