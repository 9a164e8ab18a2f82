namespace MppIntegrationHub.Adapters.Declarative.Validation;

/// <summary>Problems collected per manifest field (JSON path), reported together.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(error);
    }

    public void AddRange(string field, IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            Add(field, error);
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
