using Microsoft.Extensions.Logging;
using MppIntegrationHub.Adapters.Redaction;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Adapters.Dukcapil;

/// <summary>The adapter's log events; NIKs and names are classified and redacted by the logging pipeline.</summary>
internal static partial class DukcapilLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Verifying {Nik} ({FullName}) by its elements")]
    public static partial void Verifying(ILogger logger, [Nik] string nik, [PersonName] string? fullName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Verification of {Nik} decided {Decision}; registry quota left {QuotaLeft}")]
    public static partial void Verified(ILogger logger, [Nik] string nik, VerificationDecision decision, long? quotaLeft);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Registry profile of {Nik} read; registry quota left {QuotaLeft}")]
    public static partial void ProfileRead(ILogger logger, [Nik] string nik, long? quotaLeft);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Face of {Nik} matched {Matched} with score {Score}")]
    public static partial void FaceMatched(ILogger logger, [Nik] string nik, bool matched, decimal score);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "e-KTP replacement for {Nik} is {Reference} ({Status})")]
    public static partial void KtpReplacement(ILogger logger, [Nik] string nik, string reference, string status);
}
