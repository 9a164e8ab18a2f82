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
        var signing = ReadSigningKey(keys.SigningKey, keys.Folder, out _) ?? Named(new RsaSecurityKey(RSA.Create(2048)));
        var encryption = ReadEncryptionKey(keys.EncryptionKey, keys.Folder, out _)
            ?? Named(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(TokenKeyOptions.EncryptionKeyBytes)));
        server.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        server.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    /// <summary>The RSA signing key given inline or in the folder; null with no error when neither is set.</summary>
    internal static RsaSecurityKey? ReadSigningKey(string? inline, string? folder, out string? error)
    {
        error = null;
        var pem = Text(inline, folder, TokenKeyOptions.SigningKeyFile);
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

            error = $"The token signing key has {rsa.KeySize} bits; at least 2048 are required.";
        }
        catch (ArgumentException e)
        {
            error = $"The token signing key is not an RSA private key in PEM: {e.Message}";
        }
        catch (CryptographicException e)
        {
            error = $"The token signing key cannot be read: {e.Message}";
        }

        rsa.Dispose();
        return null;
    }

    /// <summary>The symmetric encryption key given inline or in the folder; null with no error when neither is set.</summary>
    internal static SymmetricSecurityKey? ReadEncryptionKey(string? inline, string? folder, out string? error)
    {
        error = null;
        var text = Text(inline, folder, TokenKeyOptions.EncryptionKeyFile)?.Trim();
        if (text is null)
        {
            return null;
        }

        var bytes = new byte[TokenKeyOptions.EncryptionKeyBytes + 1];
        if (Convert.TryFromBase64String(text, bytes, out var written) && written == TokenKeyOptions.EncryptionKeyBytes)
        {
            return Named(new SymmetricSecurityKey(bytes[..written]));
        }

        error = $"The token encryption key must be {TokenKeyOptions.EncryptionKeyBytes} random bytes in base64 "
            + "(make one with: openssl rand -base64 32).";
        return null;
    }

    private static string? Text(string? inline, string? folder, string fileName)
    {
        var path = folder is null ? null : Path.Combine(folder, fileName);
        return !string.IsNullOrWhiteSpace(inline) ? inline
            : path is not null && File.Exists(path) ? File.ReadAllText(path)
            : null;
    }

    private static TKey Named<TKey>(TKey key)
        where TKey : SecurityKey
    {
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}

/// <summary>Both keys readable and strong enough; missing keys are allowed in Development only.</summary>
internal sealed class TokenKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<TokenKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenKeyOptions options)
    {
        var signing = TokenKeys.ReadSigningKey(options.SigningKey, options.Folder, out var signingError);
        var encryption = TokenKeys.ReadEncryptionKey(options.EncryptionKey, options.Folder, out var encryptionError);
        var failures = new[] { signingError, encryptionError }.OfType<string>().ToList();
        if (failures.Count == 0 && (signing is null || encryption is null) && !environment.IsDevelopment())
        {
            failures.Add($"Configure the token signing and encryption keys ({TokenKeyOptions.Section}:SigningKey as an RSA "
                + $"private key in PEM and {TokenKeyOptions.Section}:EncryptionKey as 32 random bytes in base64, or "
                + $"{TokenKeyOptions.Section}:Folder holding {TokenKeyOptions.SigningKeyFile} and "
                + $"{TokenKeyOptions.EncryptionKeyFile}); keys that live for one process are allowed in Development only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
