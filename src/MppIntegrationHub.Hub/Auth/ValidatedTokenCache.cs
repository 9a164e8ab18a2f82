using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace MppIntegrationHub.Hub.Auth;

/// <summary>
/// Remembers, per process, the principal that decrypting and verifying an access token produced, keyed by a SHA-256
/// hash of the token and the issuer it was validated for, until the token expires; bounded in size. A portal sends the
/// same token for up to its 30 minutes, so this spares the JWE decryption, the signature check and the claims parsing
/// on every request after the first. Every other check still runs on each request against a copy of the remembered
/// principal: token type, expiry (on the validation clock), presenters, audiences, proof of possession, token entries.
/// </summary>
internal sealed class ValidatedTokenCache : IDisposable
{
    private const int Capacity = 10_000;

    private readonly MemoryCache _principals = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ClaimsPrincipal? Find(ValidateTokenContext context) =>
        _principals.TryGetValue(Key(context), out ClaimsPrincipal? principal) ? principal!.Clone() : null;

    public void Remember(ValidateTokenContext context, ClaimsPrincipal principal)
    {
        // Only tokens with an expiry are remembered, and never past it.
        if (principal.GetClaim(OpenIddictConstants.Claims.ExpiresAt) is { } exp
            && long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            _principals.Set(Key(context), principal.Clone(), new MemoryCacheEntryOptions
            {
                AbsoluteExpiration = DateTimeOffset.FromUnixTimeSeconds(seconds),
                Size = 1,
            });
        }
    }

    public void Dispose() => _principals.Dispose();

    private static string Key(ValidateTokenContext context) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{(context.Configuration.Issuer ?? context.BaseUri)?.AbsoluteUri}\n{string.Join(' ', context.ValidTokenTypes)}\n{context.Token}")));

    /// <summary>Runs just before OpenIddict's token decryption and validation: a remembered principal makes it skip them.</summary>
    internal sealed class AttachRememberedPrincipal(ValidatedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
            OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<AttachRememberedPrincipal>()
                .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 500)
                .SetType(OpenIddictValidationHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.Principal is null && !string.IsNullOrEmpty(context.Token))
            {
                context.Principal = cache.Find(context);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Runs just after OpenIddict's token validation, before the claims are mapped: remembers what it produced.</summary>
    internal sealed class RememberValidatedPrincipal(ValidatedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
            OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<RememberValidatedPrincipal>()
                .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 500)
                .SetType(OpenIddictValidationHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (!context.IsRejected && context.TokenValidationResult is { IsValid: true } && context.Principal is { } principal)
            {
                cache.Remember(context, principal);
            }

            return ValueTask.CompletedTask;
        }
    }
}
