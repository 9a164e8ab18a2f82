using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace MppIntegrationHub.Hub.Auth;

/// <summary>
/// Gives OpenIddict the configured keys (<see cref="TokenKeyOptions"/>), or keys for this process only in
/// Development. Key ids are the keys' JWK thumbprints, so every process names the same key the same way.
/// </summary>
internal sealed class TokenKeys(IOptions<TokenKeyOptions> options) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions server)
    {
        // TokenKeyOptionsValidator has checked the keys at start; only Development gets here without them.
        var keys = options.Value;
        var signing = Read(keys.SigningKey, keys.Folder, TokenKeyOptions.SigningKeyFile, out _) ?? Generate();
        var encryption = Read(keys.EncryptionKey, keys.Folder, TokenKeyOptions.EncryptionKeyFile, out _) ?? Generate();
        server.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        server.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    /// <summary>The key given inline or in the folder; null with no error when neither is set.</summary>
    internal static RsaSecurityKey? Read(string? inline, string? folder, string fileName, out string? error)
    {
        error = null;
        var path = folder is null ? null : Path.Combine(folder, fileName);
        var pem = !string.IsNullOrWhiteSpace(inline) ? inline
            : path is not null && File.Exists(path) ? File.ReadAllText(path)
            : null;
        if (pem is null)
        {
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize >= 2048)
            {
                return Named(new RsaSecurityKey(rsa));
            }

            error = $"The token key '{fileName}' has {rsa.KeySize} bits; at least 2048 are required.";
        }
        catch (ArgumentException e)
        {
            error = $"The token key '{fileName}' is not an RSA private key in PEM: {e.Message}";
        }
        catch (CryptographicException e)
        {
            error = $"The token key '{fileName}' cannot be read: {e.Message}";
        }

        rsa.Dispose();
        return null;
    }

    private static RsaSecurityKey Generate() => Named(new RsaSecurityKey(RSA.Create(2048)));

    private static RsaSecurityKey Named(RsaSecurityKey key)
    {
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}

/// <summary>Both keys readable, distinct and at least 2048 bits; missing keys are allowed in Development only.</summary>
internal sealed class TokenKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<TokenKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenKeyOptions options)
    {
        var signing = TokenKeys.Read(options.SigningKey, options.Folder, TokenKeyOptions.SigningKeyFile, out var signingError);
        var encryption = TokenKeys.Read(options.EncryptionKey, options.Folder, TokenKeyOptions.EncryptionKeyFile, out var encryptionError);
        var failures = new List<string>();
        failures.AddRange(new[] { signingError, encryptionError }.OfType<string>());
        if (failures.Count == 0 && (signing is null || encryption is null) && !environment.IsDevelopment())
        {
            failures.Add($"Configure the token signing and encryption keys ({TokenKeyOptions.Section}:SigningKey and "
                + $"{TokenKeyOptions.Section}:EncryptionKey as PEM, or {TokenKeyOptions.Section}:Folder holding "
                + $"{TokenKeyOptions.SigningKeyFile} and {TokenKeyOptions.EncryptionKeyFile}); keys that live for one process "
                + "are allowed in Development only.");
        }

        if (signing is not null && signing.KeyId == encryption?.KeyId)
        {
            failures.Add("The token signing and encryption keys must be different keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
