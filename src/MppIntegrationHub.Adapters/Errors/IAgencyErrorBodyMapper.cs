using System.Net;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Errors;

/// <summary>Reads an agency's error body into the canonical error; null when the body says nothing usable.</summary>
public interface IAgencyErrorBodyMapper
{
    AgencyError? Map(string agency, HttpStatusCode status, string? mediaType, string body);
}
