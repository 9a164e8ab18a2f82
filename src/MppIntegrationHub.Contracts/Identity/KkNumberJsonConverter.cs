using System.Diagnostics.CodeAnalysis;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>Family card numbers in JSON; see <see cref="RegistryNumberJsonConverter{T}"/>.</summary>
public sealed class KkNumberJsonConverter(TimeProvider clock) : RegistryNumberJsonConverter<KkNumber>(clock, "KK number")
{
    public KkNumberJsonConverter()
        : this(TimeProvider.System)
    {
    }

    protected override bool TryParse(ReadOnlySpan<char> text, DateOnly today, out KkNumber value, [NotNullWhen(false)] out string? rule, out string? message)
    {
        var ok = KkNumber.TryParse(text, today, out value, out var error);
        (rule, message) = (error?.Rule.ToString(), error?.Message);
        return ok;
    }

    protected override string Digits(KkNumber value) => value.Value;
}
