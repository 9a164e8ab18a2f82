using System.Text.Json;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Contracts.Agencies;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>Reads the SKCK case shape of mocks/AGENCY-APIS.md far enough for the callback endpoint's tests.</summary>
internal sealed class FakeSkckCallbackTranslator : IAgencyCallbackTranslator
{
    public string Agency => "skck";

    public AgencyCase? Translate(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("nomor_registrasi", out var reference) && reference.ValueKind == JsonValueKind.String
            ? new AgencyCase { Reference = reference.GetString()!, Status = AgencyCaseStatus.InProgress, UpdatedAt = DateTimeOffset.UnixEpoch }
            : null;
}
