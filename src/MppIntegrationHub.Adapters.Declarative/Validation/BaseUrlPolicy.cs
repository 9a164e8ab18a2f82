using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Adapters.Declarative.Validation;

/// <summary>
/// Keeps declarative adapters off internal networks: the host must be on the allow-list, and a host name must not
/// resolve to loopback, private, shared, link-local (cloud metadata) or multicast addresses unless configured.
/// </summary>
public sealed class BaseUrlPolicy(IOptions<DeclarativeAdapterOptions> options)
{
    /// <summary>Why <paramref name="url"/> may not be called; empty when it may.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return ["must be an absolute http or https address"];
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return ["must not carry credentials"];
        }

        var host = url.IdnHost;
        var allowed = options.Value.AllowedHosts;
        if (!allowed.Any(pattern => Matches(pattern, host)))
        {
            return [$"host '{host}' is not on the hub's allow-list"];
        }

        if (IPAddress.TryParse(host, out var literal))
        {
            // Listed literally: the operator chose this address (tests list 127.0.0.1).
            return allowed.Contains(host, StringComparer.OrdinalIgnoreCase) || IsPublic(literal)
                ? []
                : [$"address {literal} is internal"];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return [$"host '{host}' does not resolve"];
        }

        return options.Value.AllowPrivateAddresses
            ? []
            : [.. addresses.Where(a => !IsPublic(a)).Select(a => $"host '{host}' resolves to internal address {a}")];
    }

    /// <summary>False for loopback, private, shared (CGNAT), link-local (metadata), unspecified and multicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10
            || b[0] == 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || b[0] >= 224);
    }

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}
