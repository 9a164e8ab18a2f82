namespace MppIntegrationHub.Simulators.Cases;

/// <summary>
/// A status a case reaches <c>After</c> the previous one; <c>Outputs</c> adds fields to the case body, computed from
/// the moment the stage is reached.
/// </summary>
internal sealed record CaseStage(string Status, TimeSpan After, Func<DateTimeOffset, IReadOnlyDictionary<string, string>>? Outputs = null);
