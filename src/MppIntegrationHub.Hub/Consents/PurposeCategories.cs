using MppIntegrationHub.Contracts.Consents;

namespace MppIntegrationHub.Hub.Consents;

/// <summary>Data minimisation (UU 27/2022 art. 16): the categories of personal data each purpose needs, and no more.</summary>
public static class PurposeCategories
{
    public static IReadOnlyList<DataCategory> For(DataPurpose purpose) => purpose switch
    {
        DataPurpose.IdentityVerification => [DataCategory.Identity],
        DataPurpose.HealthCare => [DataCategory.Identity, DataCategory.Health],
        DataPurpose.DrivingLicence => [DataCategory.Identity, DataCategory.Address, DataCategory.Civil],
        DataPurpose.Passport => [DataCategory.Identity, DataCategory.Address, DataCategory.Family],
        DataPurpose.ServiceApplication or DataPurpose.PoliceClearance or DataPurpose.PopulationDocument =>
            [DataCategory.Identity, DataCategory.Address, DataCategory.Family, DataCategory.Civil],
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown purpose."),
    };
}
