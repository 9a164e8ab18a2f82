using System.Text.Json;
using MppIntegrationHub.Adapters.Dukcapil.Verification;
using Refit;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>Dukcapil's <c>get_json</c> services: credentials travel in the body, failures inside HTTP 200.</summary>
public interface IDukcapilRegistryApi
{
    [Post("/dukcapil/get_json/{customerId}/CALL_VERIFY_BY_ELEMEN")]
    Task<ElementVerdictsPage> VerifyByElementAsync(string customerId, [Body] ElementVerificationBody body, CancellationToken cancellationToken);

    [Post("/dukcapil/get_json/{customerId}/CALL_NIK")]
    Task<DukcapilPage<JsonElement>> GetByNikAsync(string customerId, [Body] IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken);

    [Post("/dukcapil/get_json/{customerId}/CALL_FR")]
    Task<FaceRecognitionAnswer> MatchFaceAsync(string customerId, [Body] FaceRecognitionRequest request, CancellationToken cancellationToken);
}
