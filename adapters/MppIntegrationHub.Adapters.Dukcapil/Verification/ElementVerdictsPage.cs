using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// A CALL_VERIFY_BY_ELEMEN page: its first record (null when <c>content</c> is empty or starts with null) and the
/// registry quota left.
/// </summary>
[JsonConverter(typeof(ElementVerdictsPageConverter))]
public sealed record ElementVerdictsPage(ElementVerdicts? First, long? QuotaLimiter);
