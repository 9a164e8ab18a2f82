using System.Diagnostics.CodeAnalysis;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>NIKs in JSON; see <see cref="RegistryNumberJsonConverter{T}"/>.</summary>
public sealed class NikJsonConverter(TimeProvider clock) : RegistryNumberJsonConverter<Nik>(clock, "NIK")
{
    public NikJsonConverter()
        : this(TimeProvider.System)
    {
    }

    protected override bool TryParse(ReadOnlySpan<char> text, DateOnly today, out Nik value, [NotNullWhen(false)] out string? rule, out string? message)
    {
        var ok = Nik.TryParse(text, today, out value, out var error);
        (rule, message) = (error?.Rule.ToString(), error?.Message);
        return ok;
    }

    protected override string Digits(Nik value) => value.Value;
}
