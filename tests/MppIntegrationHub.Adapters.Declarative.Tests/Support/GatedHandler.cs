namespace MppIntegrationHub.Adapters.Declarative.Tests.Support;

/// <summary>Sends to the network, but can hold the next request at the door until released (an in-flight call).</summary>
internal sealed class GatedHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private TaskCompletionSource? _armed;
    private TaskCompletionSource _gate = new();

    public TaskCompletionSource Entered { get; private set; } = new();

    public void HoldNext()
    {
        Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _armed = _gate;
    }

    public void Release() => _gate.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _armed, null) is { } gate)
        {
            Entered.TrySetResult();
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
