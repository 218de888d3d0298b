using System.Collections.Concurrent;

namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>
/// Counts what the hostile-input sweep sent and saw, per input class, and records it in the
/// reliability log when the sweep ends (<c>hostile-input</c> for the whole, <c>hostile-input-*</c> per class).
/// </summary>
public sealed class HostileInputTally : IDisposable
{
    private const string Expectation =
        "Every request gets the status its input calls for and never a 5xx; every 4xx the application answers is "
        + "problem+json naming the field at fault; a refused request changes no row; an accepted write can be read back.";

    private readonly ConcurrentDictionary<string, ClassCounts> _classes = new(StringComparer.Ordinal);

    public void Sent(string inputClass, int status, bool writeAcknowledged, bool rowsChangedByRefusal)
    {
        var counts = _classes.GetOrAdd(inputClass, _ => new ClassCounts());
        lock (counts)
        {
            counts.Statuses[status] = counts.Statuses.GetValueOrDefault(status) + 1;
            counts.WritesAcknowledged += writeAcknowledged ? 1 : 0;
            counts.RefusalsThatChangedRows += rowsChangedByRefusal ? 1 : 0;
        }
    }

    public void WriteFound(string inputClass)
    {
        var counts = _classes.GetOrAdd(inputClass, _ => new ClassCounts());
        lock (counts)
        {
            counts.WritesFound++;
        }
    }

    public void Dispose()
    {
        if (_classes.IsEmpty)
        {
            return;
        }

        var total = new ClassCounts();
        foreach (var (inputClass, counts) in _classes)
        {
            ReliabilityLog.Record(counts.ToObservation("hostile-input-" + inputClass));
            total.Add(counts);
        }

        ReliabilityLog.Record(total.ToObservation("hostile-input", $"{_classes.Count} input classes: {string.Join(", ", _classes.Keys.Order(StringComparer.Ordinal))}. "));
    }

    private sealed class ClassCounts
    {
        public SortedDictionary<int, int> Statuses { get; } = [];

        public int WritesAcknowledged { get; set; }

        public int WritesFound { get; set; }

        public int RefusalsThatChangedRows { get; set; }

        public void Add(ClassCounts other)
        {
            foreach (var (status, count) in other.Statuses)
            {
                Statuses[status] = Statuses.GetValueOrDefault(status) + count;
            }

            WritesAcknowledged += other.WritesAcknowledged;
            WritesFound += other.WritesFound;
            RefusalsThatChangedRows += other.RefusalsThatChangedRows;
        }

        public ReliabilityObservation ToObservation(string scenario, string prefix = "") => new(
            scenario,
            Expectation,
            Statuses.Values.Sum(),
            Statuses.Where(status => status.Key >= 500).Sum(status => status.Value),
            WritesAcknowledged,
            WritesFound,
            prefix
                + "Statuses: " + string.Join(", ", Statuses.Select(status => string.Create(CultureInfo.InvariantCulture, $"{status.Key} x{status.Value}")))
                + string.Create(CultureInfo.InvariantCulture, $". Refused requests that changed a row: {RefusalsThatChangedRows}."));
    }
}
