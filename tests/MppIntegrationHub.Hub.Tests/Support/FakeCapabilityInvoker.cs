using System.Text.Json;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Health;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>Canned agency answers for API tests that do not need the simulators; records every typed call.</summary>
internal sealed class FakeCapabilityInvoker : ICapabilityInvoker
{
    private readonly List<(string Capability, string Nik)> _calls = [];

    /// <summary>The capabilities called for a citizen, in call order.</summary>
    public IReadOnlyList<string> CallsFor(string nik)
    {
        lock (_calls)
        {
            return [.. _calls.Where(c => c.Nik == nik).Select(c => c.Capability)];
        }
    }

    /// <summary>Capabilities whose agency is down: every call fails as a transient outage.</summary>
    public HashSet<string> Down { get; } = [];

    /// <summary>Awaited before each typed call answers, e.g. to hold calls until others have started.</summary>
    public Func<string, Task>? BeforeAnswer { get; set; }

    public async Task<TResult> InvokeAsync<TRequest, TResult>(
        Capability<TRequest, TResult> capability, TRequest request, CallContext context, CancellationToken cancellationToken = default)
    {
        var nik = request switch
        {
            CitizenQuery q => q.Nik,
            IdentityVerificationRequest v => v.Nik,
            _ => throw new NotSupportedException(capability.Name),
        };
        lock (_calls)
        {
            _calls.Add((capability.Name, nik.Value));
        }

        if (BeforeAnswer is { } hold)
        {
            await hold(capability.Name);
        }

        if (nik.Value == TestCitizens.Unreachable || Down.Contains(capability.Name))
        {
            throw new AgencyException(new AgencyError
            {
                Agency = "dukcapil", Kind = AgencyErrorKind.Transient, Code = "http.503", Message = "The population registry is unavailable.",
                RetryAfter = TimeSpan.FromSeconds(42),
            });
        }

        object result = capability.Name switch
        {
            "population.profile" => Profile(nik),
            "health.summary" => Health(nik),
            "identity.verify" => Verification((IdentityVerificationRequest)(object)request!),
            _ => throw new NotSupportedException(capability.Name),
        };
        return (TResult)result;
    }

    /// <summary>Workflow steps find the agencies down for an hour: applications stay accepted and in progress.</summary>
    public Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken = default) =>
        throw new AgencyException(new AgencyError
        {
            Agency = "polri", Kind = AgencyErrorKind.Transient, Code = "http.503", Message = "The agency is unavailable.", RetryAfter = TimeSpan.FromHours(1),
        });

    public static CitizenProfile Profile(Nik nik) => new()
    {
        Nik = nik,
        KkNumber = KkNumber.Parse("3273010101200001", new DateOnly(2026, 1, 1)),
        FullName = "BUDI SANTOSO",
        BirthPlace = "BANDUNG",
        BirthDate = nik.BirthDate,
        Sex = nik.Sex,
        CivilStatus = CivilStatus.Married,
        Religion = Religion.Islam,
        Occupation = "KARYAWAN SWASTA",
        Education = Education.Bachelor,
        BloodType = BloodType.O,
        MotherName = "SRI RAHAYU",
        FamilyRelation = FamilyRelation.Head,
        Address = new Address { Street = "JL. ASIA AFRIKA NO. 8", Rt = "001", Rw = "002", VillageCode = RegionCode.Parse("3273011001") },
    };

    private static HealthSummary Health(Nik nik) => new()
    {
        Nik = nik,
        PatientId = "P02478375538",
        Conditions = [new HealthCondition("E11.9", "Type 2 diabetes mellitus without complications", "active", new DateOnly(2024, 3, 1))],
        Immunizations = [new Immunization("COVID19", "COVID-19 vaccine", new DateOnly(2022, 1, 5), "completed")],
        Observations = [new HealthObservation("8480-6", "Systolic blood pressure", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)), 128m, "mm[Hg]")],
        Encounters = [new Encounter("enc-1", "AMB", "finished", new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(7)), null, "Puskesmas Sumur Bandung")],
    };

    private static IdentityVerificationResult Verification(IdentityVerificationRequest request) => new()
    {
        Decision = request.FullName == "BUDI SANTOSO" ? VerificationDecision.Verified : VerificationDecision.NotVerified,
        Fields = new Dictionary<string, FieldVerdict>
        {
            ["fullName"] = new(request.FullName == "BUDI SANTOSO", request.FullName == "BUDI SANTOSO" ? 100 : 20),
        },
    };
}
