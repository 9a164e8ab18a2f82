using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Identity;
using Refit;

namespace MppIntegrationHub.Adapters.Tests.Errors;

public sealed class ResponseSizeLimitTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Profile_AgencyAnswerLargerThanTheManifestAllows_IsRefusedUnread(bool announcesLength)
    {
        var handler = new OversizedHandler(announcesLength);
        await using var host = AdapterHost.Create(services =>
        {
            services.AddDukcapilAdapter(options =>
            {
                AdapterHost.FastLimits(options, new Uri("http://dukcapil.invalid/"));
                (options.CustomerId, options.UserId, options.Password, options.IpUser, options.ApiKey) = ("C", "U", "P", "10.0.0.1", "K");
                options.MaxResponseBytes = 4096;
            });

            // Configured after the adapter so it replaces the client's socket handler.
            services.AddHttpClient(UniqueName.ForType<IDukcapilRegistryApi>()).ConfigurePrimaryHttpMessageHandler(() => handler);
        });

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.PopulationProfile,
            new CitizenQuery(Nik.Parse("3273021205909001", new DateOnly(2026, 11, 23))),
            new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.Permanent, "response-too-large"), (error.Kind, error.Code));
        Assert.Equal(1, handler.Calls);
    }

    /// <summary>Answers 64 KB of JSON-looking bytes, with or without a Content-Length.</summary>
    private sealed class OversizedHandler(bool announcesLength) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            var body = new byte[64 * 1024];
            Array.Fill(body, (byte)' ');
            HttpContent content = announcesLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
