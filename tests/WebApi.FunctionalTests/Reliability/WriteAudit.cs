namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>What the database holds of the load's writes, against what the answers said.</summary>
/// <param name="Problems">Every acknowledged write not found as acknowledged, every write applied twice, every "not applied" that was.</param>
internal sealed record WriteAudit(int Acknowledged, int Found, int UnknownOutcomes, int UnknownFoundApplied, IReadOnlyList<string> Problems)
{
    public static async Task<WriteAudit> OfAsync(string connectionString, IReadOnlyCollection<LoadWorker> workers)
    {
        var rows = new Dictionary<(string Table, int Id), (string Name, string Slug, bool IsActive, uint Version)>();
        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        foreach (var table in new[] { "products", "categories" })
        {
            await using var command = dataSource.CreateCommand($"SELECT id, name, slug, is_active, xmin::text::bigint FROM {table}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(1);
                rows[(table, reader.GetInt32(0))] = (name, reader.GetString(2), reader.GetBoolean(3), (uint)reader.GetInt64(4));
                var created = TrackedEntity.BaseName(name);
                copies[created] = copies.GetValueOrDefault(created) + 1;
            }
        }

        var problems = new List<string>();
        int acknowledged = 0, found = 0, unknownOutcomes = 0, unknownApplied = 0;
        foreach (var entity in workers.SelectMany(worker => worker.Entities))
        {
            acknowledged += entity.AcknowledgedWrites;
            unknownOutcomes += entity.IsSettled ? 0 : 1;
            if (!rows.TryGetValue((entity.Table, entity.Id), out var row))
            {
                problems.Add($"{entity.Table} {entity.Id} ({entity.Name}) was acknowledged but is missing");
            }
            else if (!entity.Matches(row.Name, row.Slug, row.IsActive, row.Version))
            {
                problems.Add($"{entity.Table} {entity.Id}: acknowledged {entity.Name}/{entity.Slug}/active={entity.IsActive}/v{entity.Version}, "
                    + $"found {row.Name}/{row.Slug}/active={row.IsActive}/v{row.Version}");
            }
            else
            {
                found += entity.AcknowledgedWrites;
            }

            if (copies.GetValueOrDefault(TrackedEntity.BaseName(entity.Name)) != 1)
            {
                problems.Add($"{entity.Name} was created {copies.GetValueOrDefault(TrackedEntity.BaseName(entity.Name))} times");
            }
        }

        foreach (var name in workers.SelectMany(worker => worker.UnknownCreates))
        {
            unknownOutcomes++;
            var count = copies.GetValueOrDefault(name);
            unknownApplied += count;
            if (count > 1)
            {
                problems.Add($"{name}, a create with an unknown outcome, was applied {count} times");
            }
        }

        foreach (var name in workers.SelectMany(worker => worker.RefusedCreates).Where(name => copies.ContainsKey(name)))
        {
            problems.Add($"{name} was answered 503 \"not applied\" but exists");
        }

        return new WriteAudit(acknowledged, found, unknownOutcomes, unknownApplied, problems);
    }
}
