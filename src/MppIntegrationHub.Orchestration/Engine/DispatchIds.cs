namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Ids of step dispatches (leases). They only need to be unique, not secret: a newer dispatch replaces an older one
/// and outcomes of replaced ones are ignored; the agency effect is guarded by the idempotency key, not by this id.
/// <see cref="Guid.NewGuid"/> costs a <c>getrandom</c> system call each (profiled: ~4% of the embedded engine's CPU on
/// a virtual machine); 128 bits of <see cref="Random.Shared"/> (a generator per thread, each seeded by the operating
/// system) are as unlikely to repeat, across threads and processes, without one.
/// </summary>
internal static class DispatchIds
{
    public static Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return new Guid(bytes);
    }
}
