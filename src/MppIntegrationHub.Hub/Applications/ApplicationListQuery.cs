using System.Text.RegularExpressions;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Services;

namespace MppIntegrationHub.Hub.Applications;

/// <summary>The query string of an application list (portal's or operator's): status, service code and paging, checked together.</summary>
internal static class ApplicationListQuery
{
    /// <summary>Every invalid parameter with its rule; empty when the query is valid, with the parsed status in <paramref name="statusFilter"/>.</summary>
    public static Dictionary<string, string[]> Validate(string? status, string? serviceCode, int page, int pageSize, out ApplicationStatus? statusFilter)
    {
        var errors = new Dictionary<string, string[]>();
        statusFilter = null;
        if (status is not null)
        {
            if (ApplicationStatusNames.TryParse(status, out var parsed))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = [$"One of: {ApplicationStatusNames.Accepted}."];
            }
        }

        if (serviceCode is not null && !Regex.IsMatch(serviceCode, ServiceCodes.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors["serviceCode"] = ["A service code like SKCK_NEW."];
        }

        if (page < 1)
        {
            errors["page"] = ["1 or more."];
        }

        if (pageSize is < 1 or > ApplicationRules.MaxPageSize)
        {
            errors["pageSize"] = [$"1-{ApplicationRules.MaxPageSize}."];
        }

        return errors;
    }
}
