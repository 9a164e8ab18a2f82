namespace MppIntegrationHub.Simulators.Simponi;

/// <summary>
/// SIMPONI's billing codes, shared with the agencies that take an NTPN as proof of payment. Numbers come from a
/// seeded generator so the same run issues the same codes.
/// </summary>
public sealed class BillingLedger
{
    private const string NtpnAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, BillingEntry> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _claims = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly Random _random;
    private readonly TimeSpan? _autoPayAfter;

    internal BillingLedger(TimeProvider clock, int seed, TimeSpan? autoPayAfter = null)
    {
        _clock = clock;
        _random = new Random(seed);
        _autoPayAfter = autoPayAfter;
    }

    internal BillingEntry Create(string payerNik, string payerName, string agencyCode, string accountCode, long amount, string description, TimeSpan validFor)
    {
        lock (_lock)
        {
            string code;
            do
            {
                code = $"8{_random.NextInt64(10_000_000_000_000, 100_000_000_000_000):D14}";
            }
            while (_byCode.ContainsKey(code));

            var now = _clock.GetUtcNow();
            var entry = new BillingEntry(code, payerNik, payerName, agencyCode, accountCode, amount, description, now, now + validFor);
            _byCode.Add(code, entry);
            return entry;
        }
    }

    /// <summary>
    /// The billing as it stands now (expired when unpaid past its expiry), or null. With
    /// <see cref="SimulatorOptions.AutoPayAfter"/> an unpaid code read after that delay was paid by its citizen at
    /// creation plus the delay (if that is before its expiry).
    /// </summary>
    public BillingEntry? Find(string code)
    {
        lock (_lock)
        {
            if (!_byCode.TryGetValue(code, out var entry))
            {
                return null;
            }

            var now = _clock.GetUtcNow();
            if (_autoPayAfter is { } delay && entry.Status == BillingEntryStatus.Unpaid && entry.CreatedAt + delay <= now)
            {
                return PayAt(entry, entry.CreatedAt + delay).At(now);
            }

            return entry.At(now);
        }
    }

    /// <summary>Pays a code (the bank's part); null when unknown. An expired code stays expired.</summary>
    public BillingEntry? Pay(string code)
    {
        lock (_lock)
        {
            return _byCode.TryGetValue(code, out var entry) ? PayAt(entry, _clock.GetUtcNow()) : null;
        }
    }

    private BillingEntry PayAt(BillingEntry entry, DateTimeOffset now)
    {
        if (entry.At(now).Status != BillingEntryStatus.Unpaid)
        {
            return entry.At(now);
        }

        var ntpn = string.Create(16, _random, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NtpnAlphabet[random.Next(NtpnAlphabet.Length)];
            }
        });
        var paid = entry with { Status = BillingEntryStatus.Paid, Ntpn = ntpn, Ntb = _random.NextInt64(100_000_000_000, 1_000_000_000_000).ToString(null, null), PaidAt = now };
        _byCode[entry.Code] = paid;
        return paid;
    }

    /// <summary>Spends an NTPN on one application: it must prove a paid billing of at least <paramref name="minimumAmount"/>.</summary>
    public NtpnClaim TryClaim(string? ntpn, long minimumAmount, string claimant)
    {
        lock (_lock)
        {
            if (ntpn is null || !_byCode.Values.Any(b => b.Ntpn == ntpn && b.Amount >= minimumAmount))
            {
                return NtpnClaim.NotPaid;
            }

            return _claims.TryAdd(ntpn, claimant) ? NtpnClaim.Claimed : NtpnClaim.AlreadyUsed;
        }
    }
}

/// <summary>Outcome of spending an NTPN on an application.</summary>
public enum NtpnClaim
{
    Claimed,
    NotPaid,
    AlreadyUsed,
}

public enum BillingEntryStatus
{
    Unpaid,
    Paid,
    Expired,
}

/// <summary>One SIMPONI billing code.</summary>
public sealed record BillingEntry(
    string Code,
    string PayerNik,
    string PayerName,
    string AgencyCode,
    string AccountCode,
    long Amount,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public BillingEntryStatus Status { get; init; } = BillingEntryStatus.Unpaid;

    public string? Ntpn { get; init; }

    public string? Ntb { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    internal BillingEntry At(DateTimeOffset now) =>
        Status == BillingEntryStatus.Unpaid && now >= ExpiresAt ? this with { Status = BillingEntryStatus.Expired } : this;
}
