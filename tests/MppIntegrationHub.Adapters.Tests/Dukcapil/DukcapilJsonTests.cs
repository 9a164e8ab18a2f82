using System.Text.Json;
using MppIntegrationHub.Adapters.Dukcapil;
using MppIntegrationHub.Adapters.Dukcapil.Verification;
using MppIntegrationHub.Adapters.Rest;

namespace MppIntegrationHub.Adapters.Tests.Dukcapil;

public sealed class DukcapilJsonTests
{
    private static readonly JsonSerializerOptions Options = AgencyJson.For(DukcapilJson.Default);

    [Fact]
    public void GeneratedOptions_AreTheAgencyRules()
    {
        // Generated with other rules, the context would still read by the agency rules but write without its fast path.
        var generated = DukcapilJson.Default.Options;
        var rules = AgencyJson.Options;

        Assert.Equal(
            (rules.NumberHandling, rules.AllowDuplicateProperties, rules.MaxDepth, rules.RespectNullableAnnotations, rules.RespectRequiredConstructorParameters, rules.DefaultIgnoreCondition),
            (generated.NumberHandling, generated.AllowDuplicateProperties, generated.MaxDepth, generated.RespectNullableAnnotations, generated.RespectRequiredConstructorParameters, generated.DefaultIgnoreCondition));
    }

    [Theory]
    [InlineData("""{"NIK":"3273021205909001","NIK":"3273021205909002","user_id":"u","password":"p","IP_USER":"i","TRESHOLD":"80"}""")]
    [InlineData("""{"NIK":"3273021205909001","user_id":"u","password":"p","IP_USER":"i"}""")]
    [InlineData("""{"NIK":3273021205909001,"user_id":"u","password":"p","IP_USER":"i","TRESHOLD":"80"}""")]
    public void GeneratedType_DuplicateMissingOrMistypedMember_IsRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ElementVerificationBody>(json, Options));

    [Fact]
    public void GeneratedType_UnknownMembersTolerated_NullsNotWritten()
    {
        var body = JsonSerializer.Deserialize<ElementVerificationBody>(
            """{"NIK":"3273021205909001","user_id":"u","password":"p","IP_USER":"i","TRESHOLD":"80","BARU":1}""", Options)!;

        Assert.Equal(
            """{"NIK":"3273021205909001","user_id":"u","password":"p","IP_USER":"i","TRESHOLD":"80"}""",
            JsonSerializer.Serialize(body, Options));
    }
}
