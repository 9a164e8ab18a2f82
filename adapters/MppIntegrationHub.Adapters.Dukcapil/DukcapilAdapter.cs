using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;
using MppIntegrationHub.Adapters.Dukcapil.Profile;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Adapters.Dukcapil.Verification;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Adapters.Dukcapil;

/// <summary>Dukcapil: identity verification, registry profile, face match and e-KTP replacement.</summary>
public sealed class DukcapilAdapter : CompiledAdapter
{
    private readonly IDukcapilRegistryApi _registry;
    private readonly IKtpReplacementApi _ktp;
    private readonly DukcapilAdapterOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DukcapilAdapter> _logger;

    public DukcapilAdapter(
        IOptions<DukcapilAdapterOptions> options,
        IDukcapilRegistryApi registry,
        IKtpReplacementApi ktp,
        TimeProvider clock,
        ILogger<DukcapilAdapter> logger)
        : base(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
        _options = options.Value;
        _registry = registry;
        _ktp = ktp;
        _clock = clock;
        _logger = logger;
        Handle(CanonicalCapabilities.IdentityVerify, VerifyAsync);
        Handle(CanonicalCapabilities.PopulationProfile, ProfileAsync);
        Handle(CanonicalCapabilities.FaceMatch, (request, _, ct) => MatchFaceAsync(request, ct));
        Handle(CanonicalCapabilities.PopulationDocumentRequest, RequestKtpAsync);
        Handle(CanonicalCapabilities.PopulationDocumentStatus, async (query, _, ct) =>
            KtpReplacementMapping.ToCase(await _ktp.GetAsync(query.Reference, ct).ConfigureAwait(false)));
    }

    protected override IAgencyErrorBodyMapper ErrorBodyMapper => KtpReplacementMapping.Errors;

    private async Task<IdentityVerificationResult> VerifyAsync(IdentityVerificationRequest request, CallContext context, CancellationToken cancellationToken)
    {
        var body = ElementVerification.Build(request, _options);
        DukcapilLog.Verifying(_logger, request.Nik.Value, request.FullName);
        var page = await _registry.VerifyByElementAsync(_options.CustomerId, body, cancellationToken).ConfigureAwait(false);
        var fields = ElementVerification.ReadVerdicts(body, RegistryContent.FirstRecord(page));
        var face = request.FaceImage is { } image
            ? await MatchFaceAsync(new FaceMatchRequest { Nik = request.Nik, Image = image }, cancellationToken).ConfigureAwait(false)
            : null;
        var decision = ElementVerification.Decide(fields.Count, fields.Matching, face);
        DukcapilLog.Verified(_logger, request.Nik.Value, decision, page.QuotaLimiter);
        return new IdentityVerificationResult { Decision = decision, Fields = fields, Face = face };
    }

    private async Task<CitizenProfile> ProfileAsync(CitizenQuery query, CallContext context, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NIK"] = query.Nik.Value,
            ["user_id"] = _options.UserId,
            ["password"] = _options.Password,
            ["IP_USER"] = _options.IpUser,
        };
        var page = await _registry.GetByNikAsync(_options.CustomerId, body, cancellationToken).ConfigureAwait(false);
        var profile = RegistryProfile.Map(query.Nik, RegistryContent.FirstRecord(page), _clock);
        DukcapilLog.ProfileRead(_logger, query.Nik.Value, page.QuotaLimiter);
        return profile;
    }

    private async Task<FaceMatchResult> MatchFaceAsync(FaceMatchRequest request, CancellationToken cancellationToken)
    {
        var answer = await _registry.MatchFaceAsync(
            _options.CustomerId,
            new FaceRecognitionRequest(
                Guid.CreateVersion7(_clock.GetUtcNow()).ToString("N"),
                request.Nik.Value,
                request.Threshold,
                request.Image,
                "F",
                _options.UserId,
                _options.Password,
                _options.IpUser),
            cancellationToken).ConfigureAwait(false);
        if (answer.ErrorCode is not (DukcapilCodes.FaceMatched or DukcapilCodes.FaceNotMatched))
        {
            throw new AgencyException(DukcapilCodes.ForFaceCode(answer.ErrorCode));
        }

        var score = answer.MatchScore ?? throw new FormatException("The registry sent a face verdict without a score.");
        var result = new FaceMatchResult(answer.ErrorCode == DukcapilCodes.FaceMatched, score);
        DukcapilLog.FaceMatched(_logger, request.Nik.Value, result.Matched, score);
        return result;
    }

    private async Task<AgencyCase> RequestKtpAsync(KtpReplacementRequest request, CallContext context, CancellationToken cancellationToken)
    {
        var answer = await _ktp.RequestAsync(KtpReplacementMapping.ToBody(request), context.IdempotencyKey!, cancellationToken).ConfigureAwait(false);
        DukcapilLog.KtpReplacement(_logger, request.Nik.Value, answer.Reference, answer.Status);
        return KtpReplacementMapping.ToCase(answer);
    }
}
