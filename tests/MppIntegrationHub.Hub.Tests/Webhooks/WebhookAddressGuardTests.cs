using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Webhooks;

namespace MppIntegrationHub.Hub.Tests.Webhooks;

public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::abcd")]
    [InlineData("::ffff:192.168.0.1")]
    public void IsAllowed_InternalAddressWithoutAllowList_IsFalse(string address)
    {
        var guard = Guard();

        Assert.False(guard.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("203.0.113.10")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2001:4860:4860::8888")]
    public void IsAllowed_PublicAddress_IsTrue(string address)
    {
        var guard = Guard();

        Assert.True(guard.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void IsAllowed_NetworkOnTheAllowList_IsTrueOnlyInsideIt()
    {
        var guard = Guard("10.20.0.0/16");

        Assert.True(guard.IsAllowed(IPAddress.Parse("10.20.3.4")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("10.21.3.4")));
    }

    [Theory]
    [InlineData("https://localhost/hooks", true)]
    [InlineData("https://127.0.0.1/hooks", true)]
    [InlineData("https://portal.example/hooks", false)]
    [InlineData("https://203.0.113.10/hooks", false)]
    public void IsForbiddenLiteral_WithoutAllowList_RefusesLoopbackLiteralsOnly(string url, bool forbidden)
    {
        var guard = Guard();

        Assert.Equal(forbidden, guard.IsForbiddenLiteral(new Uri(url)));
    }

    [Fact]
    public async Task ConnectAsync_HostResolvingToLoopbackWithoutAllowList_IsRefusedBeforeConnecting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = Guard().ConnectAsync });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://localhost:{port}/hooks")));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.False(listener.Pending());
    }

    private static WebhookAddressGuard Guard(params string[] allowed) =>
        new(Options.Create(new WebhookOptions { AllowedPrivateNetworks = allowed }));
}
