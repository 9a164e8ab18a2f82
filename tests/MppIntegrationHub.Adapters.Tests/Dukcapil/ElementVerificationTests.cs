using MppIntegrationHub.Adapters.Dukcapil;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Adapters.Dukcapil.Verification;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Adapters.Tests.Dukcapil;

/// <summary>The element verification request as Dukcapil fields, and Dukcapil's verdicts as per-field verdicts.</summary>
public sealed class ElementVerificationTests
{
    [Theory]
    [InlineData(1990, 5, 12, "12-05-1990")]
    [InlineData(2001, 1, 2, "02-01-2001")]
    [InlineData(999, 12, 31, "31-12-0999")]
    public void Build_BirthDate_IsDayMonthYear(int year, int month, int day, string expected)
    {
        var body = ElementVerification.Build(
            new IdentityVerificationRequest
            {
                Nik = Nik.Parse("3273021205909001", new DateOnly(2026, 11, 23)),
                FullName = "BUDI SANTOSO",
                BirthDate = new DateOnly(year, month, day),
            },
            new DukcapilAdapterOptions { UserId = "u", Password = "p", IpUser = "i" });

        Assert.Equal(expected, body.BirthDate);
    }

    [Theory]
    [InlineData("Sesuai", true, null)]
    [InlineData("Tidak Sesuai", false, null)]
    [InlineData("Sesuai (100)", true, 100)]
    [InlineData("Tidak Sesuai (59)", false, 59)]
    [InlineData("Tidak Sesuai (0)", false, 0)]
    [InlineData("Sesuai (007)", true, 7)]
    [InlineData("Sesuai (250)", true, 250)]
    public void ReadVerdicts_KnownVerdict_IsTheFieldVerdict(string text, bool matches, int? score) =>
        Assert.Equal(new FieldVerdict(matches, score), Verdicts(text)["fullName"]);

    [Theory]
    [InlineData("Sesuai(100)")]
    [InlineData("Sesuai (1000)")]
    [InlineData("Sesuai ()")]
    [InlineData("Sesuai (1a)")]
    [InlineData("Sesuai (-1)")]
    [InlineData("Sesuai (100")]
    [InlineData("Sesuai 100)")]
    [InlineData("Sesuai (100) ")]
    [InlineData("Sesuai 100")]
    [InlineData("sesuai")]
    [InlineData(" Sesuai")]
    [InlineData("Tidak")]
    [InlineData("Cocok (100)")]
    [InlineData("Sesuai (１００)")]
    [InlineData("Sesuai (100)Sesuai (100)Sesuai (100)Sesuai (100)Sesuai (100)Sesuai (100)Sesuai (100)Sesuai (100)Sesuai (100)")]
    public void ReadVerdicts_UnknownVerdictOnASentElement_IsAMalformedAnswer(string text) =>
        AssertMalformed(() => Verdicts(text));

    [Theory]
    [InlineData("\"-\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void ReadVerdicts_SentElementNotJudged_IsAMalformedAnswer(string verdict) =>
        AssertMalformed(() => ElementVerification.ReadVerdicts(
            DukcapilJsonTests.Sent with { FullName = "BUDI" },
            DukcapilJsonTests.Read($$"""{"content":[{"NAMA_LGKP":{{verdict}}}],"quotaLimiter":1}""").First!));

    [Fact]
    public void ReadVerdicts_ElementsNotSent_AreNeitherReadNorReported()
    {
        var record = DukcapilJsonTests.Read("""{"content":[{"NAMA_LGKP":"Sesuai (90)","TMPT_LHR":"Cocok","NO_KK":"-"}],"quotaLimiter":1}""").First!;

        var verdicts = ElementVerification.ReadVerdicts(DukcapilJsonTests.Sent with { FullName = "BUDI" }, record);

        Assert.Equal(["fullName"], verdicts.Keys);
    }

    [Fact]
    public void ReadVerdicts_EveryElement_IsReadUnderItsFieldName()
    {
        var record = DukcapilJsonTests.Read("""
            {"content":[{"NO_KK":"Sesuai","NAMA_LGKP":"Sesuai (1)","TMPT_LHR":"Sesuai (2)","TGL_LHR":"Sesuai (3)","JENIS_KLMIN":"Sesuai (4)",
             "STATUS_KAWIN":"Sesuai (5)","JENIS_PKRJN":"Sesuai (6)","NAMA_LGKP_IBU":"Sesuai (7)","ALAMAT":"Sesuai (8)","NO_RT":"Sesuai (9)",
             "NO_RW":"Sesuai (10)","NO_PROP":"Sesuai (11)","NO_KAB":"Sesuai (12)","NO_KEC":"Sesuai (13)","NO_KEL":"Tidak Sesuai (14)"}],"quotaLimiter":1}
            """).First!;
        var sent = DukcapilJsonTests.Sent with
        {
            KkNumber = "k", FullName = "n", BirthPlace = "p", BirthDate = "d", Sex = "s", CivilStatus = "c", Occupation = "o", MotherName = "m",
            Street = "a", Rt = "1", Rw = "2", Province = "32", Regency = "73", District = "2", Village = "1001",
        };

        var verdicts = ElementVerification.ReadVerdicts(sent, record);

        Assert.Equal(
            ["kkNumber", "fullName", "birthPlace", "birthDate", "sex", "civilStatus", "occupation", "motherName", "address.street",
             "address.rt", "address.rw", "address.province", "address.regency", "address.district", "address.village"],
            verdicts.Keys);
        Assert.Equal([null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], verdicts.Values.Select(v => v.Score));
        Assert.Equal(14, verdicts.Values.Count(v => v.Matches));
    }

    [Fact]
    public void ReadVerdicts_View_LooksUpOnlyTheElementsSentAndCountsTheMatchingOnes()
    {
        var record = DukcapilJsonTests.Read("""
            {"content":[{"NAMA_LGKP":"Sesuai (90)","TGL_LHR":"Tidak Sesuai","JENIS_KLMIN":"Sesuai","TMPT_LHR":"Sesuai (80)"}],"quotaLimiter":1}
            """).First!;

        var verdicts = ElementVerification.ReadVerdicts(DukcapilJsonTests.Sent with { FullName = "BUDI", BirthDate = "12-05-1990", Sex = "Laki-Laki" }, record);

        Assert.Equal((3, 2), (verdicts.Count, verdicts.Matching));
        Assert.Equal(new FieldVerdict(true, 90), verdicts["fullName"]);
        Assert.True(verdicts.TryGetValue("birthDate", out var birthDate) && !birthDate.Matches);
        Assert.False(verdicts.ContainsKey("birthPlace"));
        Assert.False(verdicts.TryGetValue("birthPlace", out _));
        Assert.Throws<KeyNotFoundException>(() => verdicts["birthPlace"]);
        Assert.Equal(
            [new("fullName", new FieldVerdict(true, 90)), new("birthDate", new FieldVerdict(false)), new KeyValuePair<string, FieldVerdict>("sex", new FieldVerdict(true))],
            verdicts.ToList());
    }

    [Fact]
    public void ReadVerdicts_View_SerializesAsTheFieldsObjectOfTheCanonicalResult()
    {
        var record = DukcapilJsonTests.Read("""{"content":[{"NAMA_LGKP":"Sesuai (90)","JENIS_KLMIN":"Tidak Sesuai"}],"quotaLimiter":1}""").First!;
        var result = new IdentityVerificationResult
        {
            Decision = VerificationDecision.PartialMatch,
            Fields = ElementVerification.ReadVerdicts(DukcapilJsonTests.Sent with { FullName = "BUDI", Sex = "Laki-Laki" }, record),
        };

        var json = System.Text.Json.JsonSerializer.SerializeToElement(result, Contracts.Serialization.HubJson.Options).GetProperty("fields");

        Assert.Equal("""{"fullName":{"matches":true,"score":90},"sex":{"matches":false}}""", json.GetRawText());
    }

    [Theory]
    [InlineData(2, 2, null, VerificationDecision.Verified)]
    [InlineData(2, 1, null, VerificationDecision.PartialMatch)]
    [InlineData(2, 0, null, VerificationDecision.NotVerified)]
    [InlineData(2, 2, false, VerificationDecision.NotVerified)]
    [InlineData(2, 2, true, VerificationDecision.Verified)]
    [InlineData(0, 0, true, VerificationDecision.Verified)]
    public void Decide_AllSomeOrNoneMatching_IsVerifiedPartialOrNot(int sent, int matching, bool? faceMatched, VerificationDecision expected) =>
        Assert.Equal(expected, ElementVerification.Decide(sent, matching, faceMatched is { } face ? new FaceMatchResult(face, 90) : null));

    private static SentElementVerdictDictionary Verdicts(string text) => ElementVerification.ReadVerdicts(
        DukcapilJsonTests.Sent with { FullName = "BUDI" },
        RegistryContent.FirstRecord(DukcapilJsonTests.Read(
            $$"""{"content":[{"NAMA_LGKP":{{System.Text.Json.JsonSerializer.Serialize(text)}}}],"quotaLimiter":1}""")));

    /// <summary>A malformed answer: the canonical <c>malformed-response</c>, as the JSON errors are.</summary>
    private static void AssertMalformed(Action read)
    {
        var exception = Assert.Throws<FormatException>(read);
        Assert.Equal("malformed-response", AgencyFailures.Normalize(DukcapilCodes.Agency, exception).Code);
    }
}
