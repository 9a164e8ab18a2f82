using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>
/// Keeps webhook deliveries away from the hub's own networks: loopback, private (RFC 1918, IPv6 unique local),
/// shared (100.64/10), link-local (cloud metadata at 169.254.169.254), unspecified and multicast addresses are refused
/// unless <see cref="WebhookOptions.AllowedPrivateNetworks"/> lists them. Checked on the address actually connected
/// to, after DNS, so a name that resolves (or later re-resolves) to an internal address is refused too.
/// </summary>
public sealed class WebhookAddressGuard
{
    private static readonly IPNetwork[] Internal =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/127"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] _allowed;

    public WebhookAddressGuard(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = [.. options.Value.AllowedPrivateNetworks.Select(IPNetwork.Parse)];
    }

    /// <summary>True when the hub may deliver to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return !Internal.Any(n => n.Contains(plain)) || _allowed.Any(n => n.Contains(plain));
    }

    /// <summary>True when the URL's host is an address literal (or <c>localhost</c>) the hub may not call; names are checked at connect time.</summary>
    public bool IsForbiddenLiteral(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsLoopback && !IPAddress.TryParse(url.IdnHost, out _))
        {
            return !IsAllowed(IPAddress.Loopback);
        }

        return IPAddress.TryParse(url.IdnHost, out var literal) && !IsAllowed(literal);
    }

    /// <summary>The webhook client's connect step: resolves the host and connects only to allowed addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var permitted = addresses.Where(IsAllowed).ToArray();
        if (permitted.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "The webhook host resolves only to addresses the hub does not call.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
