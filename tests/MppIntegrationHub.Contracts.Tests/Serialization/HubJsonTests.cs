using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Contracts.Tests.Serialization;

public sealed class HubJsonTests
{
    private static readonly JsonSerializerOptions Options =
        HubJson.Create(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Serialize_Profile_UsesCamelCaseKebabEnumsIsoDatesAndOmitsNulls()
    {
        var profile = new CitizenProfile
        {
            Nik = Nik.Parse("3273015708900003", new DateOnly(2026, 11, 23)),
            FullName = "Siti Rahayu",
            BirthDate = new DateOnly(1990, 8, 17),
            Sex = Sex.Female,
            CivilStatus = CivilStatus.Married,
            Education = Education.SeniorSecondary,
            Address = new Address { Street = "Jl. Setiabudi 12", Rt = "003", Rw = "007", VillageCode = RegionCode.Parse("32.73.01.1001") },
        };

        var json = JsonSerializer.Serialize(profile, Options);

        Assert.Equal(
            """{"nik":"3273015708900003","fullName":"Siti Rahayu","birthDate":"1990-08-17","sex":"female","civilStatus":"married","education":"senior-secondary","address":{"street":"Jl. Setiabudi 12","rt":"003","rw":"007","villageCode":"3273011001"}}""",
            json);
    }

    [Theory]
    [InlineData("\"Female\"")]
    [InlineData("\"FEMALE\"")]
    [InlineData("\"female \"")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    public void Deserialize_EnumNotWrittenExactly_Fails(string value)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sex>(value, Options));

        Assert.Contains("male, female", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_EnumWrittenExactly_RoundTrips()
    {
        var status = JsonSerializer.Deserialize<Dictionary<ApplicationStatus, Sex?>>("""{"cancelling":"female","completed":null}""", Options)!;

        Assert.Equal(Sex.Female, status[ApplicationStatus.Cancelling]);
        Assert.Null(status[ApplicationStatus.Completed]);
        Assert.Equal("""{"cancelling":"female","completed":null}""", JsonSerializer.Serialize(status, Options));
    }

    [Fact]
    public void Deserialize_InvalidNik_FailsNamingTheRule()
    {
        var ex = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<CitizenIdentity>("""{"nik":"3273011708900000","fullName":"A"}""", Options));

        Assert.Contains(nameof(NikRule.Serial), ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.nik", ex.Path);
    }

    [Fact]
    public void Deserialize_UnknownProperty_IsRejected() =>
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<CitizenIdentity>("""{"nik":"3273011708900003","fullName":"A","fullname":"B"}""", Options));

    [Fact]
    public void Deserialize_DuplicateProperty_IsRejected() =>
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<CitizenIdentity>("""{"nik":"3273011708900003","fullName":"A","fullName":"B"}""", Options));

    [Fact]
    public void Deserialize_MissingRequiredProperty_IsRejected() =>
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<CitizenIdentity>("""{"nik":"3273011708900003"}""", Options));

    [Fact]
    public void Deserialize_EnumAsNumber_IsRejected() =>
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<FieldVerdictHolder>("""{"decision":0}""", Options));

    [Fact]
    public void RoundTrip_Application_KeepsEveryValue()
    {
        var application = new ServiceApplication
        {
            Id = Guid.Parse("0b6f3a55-7d9c-4c1e-9a63-1c2f0e5d8a11"),
            ServiceCode = "SKCK_NEW",
            WorkflowVersion = 1,
            Status = ApplicationStatus.Waiting,
            SubmittedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7)),
            UpdatedAt = new DateTimeOffset(2026, 11, 23, 9, 5, 0, TimeSpan.FromHours(7)),
            Steps = [new ApplicationStep { Id = "verify-identity", Capability = "identity.verify", Status = StepStatus.Succeeded, Attempts = 1 }],
        };

        var json = JsonSerializer.Serialize(application, Options);
        var back = JsonSerializer.Deserialize<ServiceApplication>(json, Options)!;

        Assert.Contains("\"status\":\"waiting\"", json, StringComparison.Ordinal);
        Assert.Equal(application.Id, back.Id);
        Assert.Equal(application.SubmittedAt, back.SubmittedAt);
        Assert.Equal(StepStatus.Succeeded, Assert.Single(back.Steps).Status);
    }

    private sealed record FieldVerdictHolder(VerificationDecision Decision);
}
