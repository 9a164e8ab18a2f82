using Microsoft.AspNetCore.Http.HttpResults;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Errors;

namespace MppIntegrationHub.Hub.Identity;

/// <summary>Maps <c>POST /api/v1/identity/verifications</c>.</summary>
public static class IdentityApi
{
    /// <summary>Element-wise identity verification (scope <c>identity.verify</c>; <c>data.biometric</c> too when a face image is sent).</summary>
    public static RouteGroupBuilder MapIdentityApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/identity/verifications", VerifyAsync).WithTags("Identity").WithName("VerifyIdentity")
            .RequireAuthorization(HubScopes.Policy(HubScopes.IdentityVerify))
            .WithSummary("Verify a citizen's identity against the population registry")
            .WithDescription("Each element sent gets a verdict (with a similarity score for free text) and the hub decides verified, partial-match or not-verified. A face image is matched against the registry photo and needs the data.biometric scope.");
        return api;
    }

    private static async Task<Results<Ok<IdentityVerificationResult>, ProblemHttpResult, ValidationProblem>> VerifyAsync(
        IdentityVerificationRequest request, HttpContext http, ICapabilityInvoker invoker, AuditTrail audit)
    {
        if (request.FaceImage is { } face && !IsBase64Image(face))
        {
            return HubProblems.Validation(new Dictionary<string, string[]> { ["faceImage"] = ["A base64 JPEG of at most 200 KB."] });
        }

        if (request.FaceImage is not null && !http.User.HasScopeFor(HubScopes.ForCategory(DataCategory.Biometric)))
        {
            return HubProblems.Problem(StatusCodes.Status403Forbidden, HubProblems.Types.ScopeMissing, "Scope missing",
                $"Face matching needs the {HubScopes.ForCategory(DataCategory.Biometric)} scope.");
        }

        var clientId = http.User.ClientId();
        var result = await invoker.InvokeAsync(
            CanonicalCapabilities.IdentityVerify, request, new CallContext(ClientId: clientId, Purpose: DataPurpose.IdentityVerification), http.RequestAborted);
        var fields = result.Fields.Keys.Order(StringComparer.Ordinal).Concat(result.Face is null ? [] : ["faceImage"]).ToList();
        await audit.AppendAsync(new AuditEntry(clientId, AuditActions.IdentityVerified, DataPurpose.IdentityVerification, request.Nik, fields), http.RequestAborted);
        return TypedResults.Ok(result);
    }

    private const int MaxFaceBytes = 200 * 1024;

    private static bool IsBase64Image(string value)
    {
        var buffer = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value, buffer, out var written) && written is > 0 and <= MaxFaceBytes;
    }
}
