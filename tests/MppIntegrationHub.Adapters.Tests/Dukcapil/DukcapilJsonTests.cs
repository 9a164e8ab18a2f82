using System.Text.Json;
using MppIntegrationHub.Adapters.Dukcapil;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Adapters.Dukcapil.Verification;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Verification;

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

    [Fact]
    public void VerdictPage_UnknownMembersAnywhere_AreSkipped()
    {
        var page = Read("""
            {"lastPage":true,"sort":null,"extra":{"deep":[1,{"x":"y"}]},"extra":2,
             "content":[{"NAMA_LGKP":"Sesuai (100)","BARU":[{"a":1}],"BARU":"x","TGL_LHR":"Tidak Sesuai"},{"NAMA_LGKP":"Sesuai"}],
             "quotaLimiter":56616}
            """);

        Assert.Equal(56616, page.QuotaLimiter);
        var verdicts = ElementVerification.ReadVerdicts(Sent with { FullName = "BUDI", BirthDate = "12-05-1990" }, RegistryContent.FirstRecord(page));
        Assert.Equal(new(true, 100), verdicts["fullName"]);
        Assert.Equal(new(false), verdicts["birthDate"]);
    }

    [Fact]
    public void VerdictPage_ElementsInAnyOrder_AreEachReadUnderTheirName()
    {
        var page = Read("""
            {"content":[{"NO_KEL":"Sesuai (4)","JENIS_KLMIN":"Sesuai","NIK":"Sesuai","NAMA_LGKP":"Tidak Sesuai (2)","NO_KK":"Sesuai (1)"}],"quotaLimiter":1}
            """);

        var verdicts = ElementVerification.ReadVerdicts(Sent with { Village = "1001", Sex = "Laki-Laki", FullName = "BUDI", KkNumber = "3273" }, page.First!);

        Assert.Equal(
            [("kkNumber", new FieldVerdict(true, 1)), ("fullName", new FieldVerdict(false, 2)), ("sex", new FieldVerdict(true)), ("address.village", new FieldVerdict(true, 4))],
            verdicts.Select(v => (v.Key, v.Value)));
    }

    [Fact]
    public void VerdictPage_NullQuotaAndEscapedNamesAndText_AreRead()
    {
        var page = Read("""{"content":[{"NAMA\u005FLGKP":"Tidak Sesuai \u002859)"}],"quotaLimiter":null}""");

        Assert.Null(page.QuotaLimiter);
        Assert.Equal(new(false, 59), ElementVerification.ReadVerdicts(Sent with { FullName = "BUDI" }, page.First!)["fullName"]);
    }

    [Theory]
    [InlineData("""{"content":[]}""")]
    [InlineData("""{"quotaLimiter":1}""")]
    [InlineData("""{"Content":[],"quotaLimiter":1}""")]
    [InlineData("""{"content":null,"quotaLimiter":1}""")]
    [InlineData("""{"content":{},"quotaLimiter":1}""")]
    [InlineData("""{"content":[],"quotaLimiter":1,"content":[]}""")]
    [InlineData("""{"content":[],"quotaLimiter":1,"quotaLimiter":1}""")]
    [InlineData("""{"content":[],"quotaLimiter":"1"}""")]
    [InlineData("""{"content":[],"quotaLimiter":1.5}""")]
    [InlineData("""{"content":[1],"quotaLimiter":1}""")]
    [InlineData("""{"content":[{"NAMA_LGKP":"Sesuai","NAMA_LGKP":"Sesuai"}],"quotaLimiter":1}""")]
    [InlineData("""{"content":[{"RESPONSE_CODE":"13","RESPONSE_CODE":"13"}],"quotaLimiter":1}""")]
    [InlineData("""{"content":[{"NAMA_LGKP":100}],"quotaLimiter":1}""")]
    [InlineData("""{"content":[{"NAMA_LGKP":"Sesuai"},{"TGL_LHR":true}],"quotaLimiter":1}""")]
    [InlineData("""{"content":[{"NAMA_LGKP":"Sesuai"}],"quotaLimiter":1""")]
    [InlineData("""[]""")]
    [InlineData("""1""")]
    public void VerdictPage_MissingDuplicateMistypedOrTruncated_IsRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ElementVerdictsPage>(json, Options));

    [Fact]
    public void VerdictPage_NestedDeeperThanTheRules_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));

        Assert.ThrowsAny<JsonException>(() => Read($$"""{"content":[{"BARU":{{deep}}}],"quotaLimiter":1}"""));
    }

    [Fact]
    public void VerdictPage_NoRecordOrNullFirstRecord_HasNoRecord()
    {
        Assert.Throws<FormatException>(() => RegistryContent.FirstRecord(Read("""{"content":[],"quotaLimiter":1}""")));
        Assert.Throws<FormatException>(() => RegistryContent.FirstRecord(Read("""{"content":[null,{"NAMA_LGKP":"Sesuai"}],"quotaLimiter":1}""")));
    }

    [Theory]
    [InlineData("\"13\"", AgencyErrorKind.NotFound)]
    [InlineData("13", AgencyErrorKind.NotFound)]
    [InlineData("\"05\"", AgencyErrorKind.QuotaExhausted)]
    public void VerdictPage_ResponseCode_IsTheRegistryFailure(string code, AgencyErrorKind kind)
    {
        var page = Read($$"""{"content":[{"RESPONSE_CODE":{{code}},"RESPONSE_DESC":"x"}],"quotaLimiter":1}""");

        Assert.Equal(kind, Assert.Throws<AgencyException>(() => RegistryContent.FirstRecord(page)).Error.Kind);
    }

    [Fact]
    public void VerdictPage_NullResponseCode_IsNoFailure() =>
        Assert.Null(RegistryContent.FirstRecord(Read("""{"content":[{"RESPONSE_CODE":null}],"quotaLimiter":1}""")).ResponseCode);

    [Fact]
    public void VerdictPage_IsNeverWritten() =>
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new ElementVerdictsPage(null, 1), Options));

    /// <summary>A body sending no element yet.</summary>
    internal static ElementVerificationBody Sent { get; } = new() { Nik = "3273021205909001", UserId = "u", Password = "p", IpUser = "i", Threshold = "80" };

    internal static ElementVerdictsPage Read(string json) => JsonSerializer.Deserialize<ElementVerdictsPage>(json, Options)!;
}
