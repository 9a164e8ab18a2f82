using Refit;

namespace MppIntegrationHub.Adapters.SatuSehat.Fhir;

/// <summary>SATUSEHAT's FHIR R4 searches; bodies come back as text for the Firely deserializer.</summary>
public interface ISatuSehatFhirApi
{
    [Get("/fhir-r4/v1/Patient")]
    Task<string> SearchPatientAsync(string identifier, CancellationToken cancellationToken);

    [Get("/fhir-r4/v1/{resourceType}")]
    Task<string> SearchBySubjectAsync(string resourceType, string subject, CancellationToken cancellationToken);
}
