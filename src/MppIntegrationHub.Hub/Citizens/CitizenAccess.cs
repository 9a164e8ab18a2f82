using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Consents;
using MppIntegrationHub.Hub.Errors;

namespace MppIntegrationHub.Hub.Citizens;

/// <summary>The gate in front of every read of citizen data: valid NIK, known purpose, client scope for each category the purpose needs, and the citizen's consent.</summary>
public sealed class CitizenAccess(ConsentService consents, TimeProvider clock)
{
    /// <summary>The granted access, or the problem that refuses it: every category the purpose needs from the read must be in the client's scopes.</summary>
    public Task<(CitizenGrant? Grant, IResult? Refusal)> CheckAsync(
        ClaimsPrincipal user, string nikText, string? purposeText, IReadOnlyCollection<DataCategory> servedCategories, CancellationToken cancellationToken) =>
        CheckAsync(user, nikText, purposeText, servedCategories, partialScopes: false, cancellationToken);

    /// <summary>
    /// Like <see cref="CheckAsync(ClaimsPrincipal, string, string?, IReadOnlyCollection{DataCategory}, CancellationToken)"/> for a read
    /// made of several parts: the grant keeps only the categories the client holds scopes for, refused only when it holds none.
    /// </summary>
    public Task<(CitizenGrant? Grant, IResult? Refusal)> CheckScopedAsync(
        ClaimsPrincipal user, string nikText, string? purposeText, IReadOnlyCollection<DataCategory> servedCategories, CancellationToken cancellationToken) =>
        CheckAsync(user, nikText, purposeText, servedCategories, partialScopes: true, cancellationToken);

    private async Task<(CitizenGrant? Grant, IResult? Refusal)> CheckAsync(
        ClaimsPrincipal user, string nikText, string? purposeText, IReadOnlyCollection<DataCategory> servedCategories, bool partialScopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(servedCategories);
        var (parsed, nikProblem) = ParseNik(nikText, clock);
        if (parsed is not { } nik)
        {
            return (null, nikProblem);
        }

        if (!PurposeNames.TryParse(purposeText, out var purpose))
        {
            return (null, HubProblems.Validation(new Dictionary<string, string[]> { ["purpose"] = [$"Name the purpose of the read, one of: {PurposeNames.Accepted}."] }));
        }

        var categories = PurposeCategories.For(purpose).Where(servedCategories.Contains).ToList();
        if (categories.Count == 0)
        {
            return (null, HubProblems.Problem(StatusCodes.Status403Forbidden, HubProblems.Types.ScopeMissing, "Purpose does not cover this data",
                $"The purpose '{PurposeNames.Format(purpose)}' does not need this data."));
        }

        var missing = categories.Where(c => !user.HasScopeFor(HubScopes.ForCategory(c))).ToList();
        if (missing.Count == categories.Count || (missing.Count > 0 && !partialScopes))
        {
            return (null, HubProblems.Problem(StatusCodes.Status403Forbidden, HubProblems.Types.ScopeMissing, "Scope missing",
                $"This client needs the scopes {string.Join(", ", missing.Select(HubScopes.ForCategory))} to read data for this purpose."));
        }

        var clientId = user.ClientId();
        if (!await consents.IsCoveredAsync(clientId, nik, purpose, cancellationToken))
        {
            return (null, HubProblems.Problem(StatusCodes.Status403Forbidden, HubProblems.Types.ConsentMissing, "Consent missing",
                "This client holds no unexpired, unrevoked consent of the citizen for this purpose."));
        }

        return (new CitizenGrant(clientId, nik, purpose, [.. categories.Except(missing)]), null);
    }

    /// <summary>The NIK of a route, or a validation problem naming the broken rule.</summary>
    public static (Nik? Nik, ValidationProblem? Problem) ParseNik(string nikText, TimeProvider clock) =>
        Nik.TryParse(nikText, clock, out var nik, out var error)
            ? (nik, null)
            : (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["nik"] = [$"{error.Rule}: {error.Message}"] },
                "The NIK is not valid.",
                type: HubProblems.Types.Validation,
                title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["nikRule"] = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(error.Rule.ToString()) }));
}

/// <summary>An allowed read: who, whose data, why, and which categories.</summary>
public sealed record CitizenGrant(string ClientId, Nik Nik, DataPurpose Purpose, IReadOnlyList<DataCategory> Categories);
