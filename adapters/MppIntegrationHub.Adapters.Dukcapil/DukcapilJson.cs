using System.Text.Json.Serialization;
using MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Adapters.Dukcapil.Verification;

namespace MppIntegrationHub.Adapters.Dukcapil;

/// <summary>
/// Source-generated metadata of the bodies the adapter sends, generated with the agency rules of
/// <see cref="Rest.AgencyJson"/> so they are written through the generated fast path (no converters, no write stack).
/// Answers stay with reflection metadata: the generated reader fills init-only members through an argument buffer,
/// which allocates more per answer than reflection's setters.
/// </summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.Strict,
    AllowDuplicateProperties = false,
    MaxDepth = 32,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ElementVerificationBody))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(FaceRecognitionRequest))]
[JsonSerializable(typeof(KtpReplacementBody))]
public sealed partial class DukcapilJson : JsonSerializerContext;
