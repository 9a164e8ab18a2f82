using MppIntegrationHub.Simulators.Cases;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Rest;
using WireMock;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>
/// Dukcapil: element-wise verification, data retrieval and face recognition under
/// <c>/dukcapil/get_json/{CUSTOMER_ID}/</c> (credentials in the body), and e-KTP replacement under
/// <c>/dukcapil/api/v1</c>.
/// </summary>
public sealed class DukcapilSimulator : CaseSimulator
{
    internal DukcapilSimulator(SimulatorContext context)
        : base(AgencyIds.Dukcapil, "nomor_permohonan", context, context.Options.DukcapilQuota)
    {
    }

    private protected override IAgencyDialect Dialect => DukcapilDialect.Instance;

    private protected override void Map(WireMockServer server)
    {
        var root = "^/dukcapil/get_json/([^/]+)";
        server.On("POST", $"{root}/CALL_VERIFY_BY_ELEMEN$", match => Registry(match, (request, citizen, quota) =>
            DukcapilAnswers.Envelope(ElementVerification.Verify(request, request.FieldNames, citizen), quota)));
        server.On("POST", $"{root}/CALL_NIK$", match => Registry(match, (_, citizen, quota) =>
            DukcapilAnswers.Envelope(RegistryRecord.Of(citizen), quota)));
        server.On("POST", $"{root}/CALL_FR$", match => Replies.Json(200, match.Groups[0] == Context.Credentials.DukcapilCustomerId
            ? FaceRecognition.Answer(new RestRequest(match), Context.Credentials, Context.Population, Quota)
            : FaceRecognition.Error(new RestRequest(match), FaceRecognition.WrongPassword, "Customer ID tidak dikenal", Quota)));
        KtpReplacement.Map(RestApi(server, "/dukcapil/api/v1"), this, Context);
    }

    internal RestReply Open(string reference, IReadOnlyList<CaseStage> stages) => OpenCase(reference, stages);

    internal RestReply Read(string reference) => GetCase(reference);

    internal int Next() => NextSequence();

    private long Quota => Faults.QuotaRemaining ?? 0;

    private ResponseMessage Registry(RouteMatch match, Func<RestRequest, People.Citizen, long, string> answer)
    {
        var request = new RestRequest(match);
        var credentials = Context.Credentials;
        if (match.Groups[0] != credentials.DukcapilCustomerId || request.Field("user_id") != credentials.DukcapilUserId
            || request.Field("password") != credentials.DukcapilPassword || request.Field("IP_USER") != credentials.DukcapilIpUser)
        {
            return DukcapilAnswers.Unauthorized();
        }

        var nik = request.Field("NIK");
        if (nik is null || !Contracts.Identity.Nik.TryParse(nik, Context.Clock, out _, out _))
        {
            return DukcapilAnswers.Ok(DukcapilAnswers.Failure(DukcapilAnswers.BadFormat, Quota));
        }

        Context.Population.TryFind(nik, out var citizen);
        return DukcapilAnswers.CodeFor(citizen) is { } code
            ? DukcapilAnswers.Ok(DukcapilAnswers.Failure(code, Quota))
            : DukcapilAnswers.Ok(answer(request, citizen!, Quota));
    }
}
