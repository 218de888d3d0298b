namespace Ecommerce.WebApi.FunctionalTests.Performance;

/// <summary>
/// The plans <c>auto_explain</c> (JSON format) wrote to a server log after a point: each log entry
/// starts on a line of its own, and PostgreSQL indents the lines that continue it with a tab.
/// </summary>
internal sealed class LoggedPlans(string logFile)
{
    private const string PlanMarker = "plan:";

    private readonly long _start = new FileInfo(logFile).Length;

    /// <summary>Every plan logged since this object was made: its statement and its JSON plan tree.</summary>
    public IReadOnlyList<LoggedPlan> Read()
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new List<StringBuilder>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('\t') && entries.Count > 0)
            {
                entries[^1].Append('\n').Append(line.AsSpan(1));
            }
            else
            {
                entries.Add(new StringBuilder(line));
            }
        }

        return [.. entries.Select(entry => entry.ToString())
            .Where(entry => entry.Contains("LOG:  duration:", StringComparison.Ordinal) && entry.Contains(PlanMarker, StringComparison.Ordinal))
            .Select(entry => LoggedPlan.Parse(entry[(entry.IndexOf(PlanMarker, StringComparison.Ordinal) + PlanMarker.Length)..]))];
    }
}

internal sealed record LoggedPlan(string QueryText, JsonElement Plan)
{
    public static LoggedPlan Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new LoggedPlan(root.GetProperty("Query Text").GetString()!, root.GetProperty("Plan").Clone());
    }

    /// <summary>Every node of the plan tree, sub-plans and init-plans included.</summary>
    public IEnumerable<JsonElement> Nodes()
    {
        var pending = new Stack<JsonElement>([Plan]);
        while (pending.TryPop(out var node))
        {
            yield return node;
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    pending.Push(child);
                }
            }
        }
    }

    public IEnumerable<JsonElement> NodesOn(string relation) => Nodes().Where(node =>
        node.TryGetProperty("Relation Name", out var name) && name.GetString() == relation);

    /// <summary>
    /// The rows the executed plan read from <paramref name="relation"/>: those it returned and those its
    /// filters and rechecks threw away. An index scan that filters out most of the table reads as much
    /// as a sequential scan does, and shows here.
    /// </summary>
    public long RowsRead(string relation) => NodesOn(relation).Sum(node =>
        (long)((Number(node, "Actual Rows") + Number(node, "Rows Removed by Filter") + Number(node, "Rows Removed by Index Recheck"))
            * Math.Max(1, Number(node, "Actual Loops"))));

    private static double Number(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) ? value.GetDouble() : 0;

    public override string ToString() => $"{QueryText}\n{Plan}";
}
