using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Consents;

namespace MppIntegrationHub.Hub.Citizens;

/// <summary>Cuts a profile down to the categories a read is allowed, and names the fields it kept for the audit trail.</summary>
public static class ProfileFields
{
    public static (CitizenProfile Profile, IReadOnlyList<string> Fields) Minimise(CitizenProfile full, IReadOnlyCollection<DataCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(categories);
        var identity = categories.Contains(DataCategory.Identity);
        var family = categories.Contains(DataCategory.Family);
        var civil = categories.Contains(DataCategory.Civil);
        var profile = new CitizenProfile
        {
            Nik = full.Nik,
            FullName = identity ? full.FullName : null,
            BirthPlace = identity ? full.BirthPlace : null,
            BirthDate = identity ? full.BirthDate : null,
            Sex = identity ? full.Sex : null,
            KkNumber = family ? full.KkNumber : null,
            FamilyRelation = family ? full.FamilyRelation : null,
            MotherName = family ? full.MotherName : null,
            CivilStatus = civil ? full.CivilStatus : null,
            Religion = civil ? full.Religion : null,
            Occupation = civil ? full.Occupation : null,
            Education = civil ? full.Education : null,
            BloodType = civil ? full.BloodType : null,
            Address = categories.Contains(DataCategory.Address) ? full.Address : null,
        };
        var fields = new (string Name, object? Value)[]
            {
                ("fullName", profile.FullName), ("birthPlace", profile.BirthPlace), ("birthDate", profile.BirthDate), ("sex", profile.Sex),
                ("kkNumber", profile.KkNumber), ("familyRelation", profile.FamilyRelation), ("motherName", profile.MotherName),
                ("civilStatus", profile.CivilStatus), ("religion", profile.Religion), ("occupation", profile.Occupation),
                ("education", profile.Education), ("bloodType", profile.BloodType), ("address", profile.Address),
            }
            .Where(f => f.Value is not null).Select(f => f.Name).ToList();
        return (profile, fields);
    }
}
