using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>
/// Innermost handler: agency answers are untrusted, so a body larger than the manifest allows is refused before it is
/// read in full, and every accepted body is buffered (Refit and the error mapping then read it from memory).
/// </summary>
public sealed class ResponseSizeLimitHandler(string agency, int maxResponseBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // Refuses a body whose announced length is over the limit before reading any of it, and stops reading one
            // that grows past it: either way an HttpRequestException without an I/O cause.
            await response.Content.LoadIntoBufferAsync(maxResponseBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException ex) when (ex.InnerException is not IOException && !cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw TooLarge();
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private AgencyException TooLarge() => new(AgencyFailures.Create(
        agency, AgencyErrorKind.Permanent, "response-too-large", "The agency answered with more data than the hub accepts."));
}
