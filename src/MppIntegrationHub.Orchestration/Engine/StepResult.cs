using System.Text.Json;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>What one step attempt produced: the canonical output, or the normalised agency error.</summary>
/// <param name="Output">The capability's canonical answer, on success.</param>
/// <param name="Error">The normalised failure, otherwise.</param>
/// <param name="CorrelationRef">The agency reference a wait step follows, for callbacks.</param>
internal sealed record StepResult(JsonElement? Output, AgencyError? Error, string? CorrelationRef = null);

/// <summary>Whether the operator stopped retries to an agency, and how long the retry budget defers one.</summary>
internal sealed record RetryGate(bool Stopped, TimeSpan BudgetDelay)
{
    public static readonly RetryGate Open = new(false, TimeSpan.Zero);
}
