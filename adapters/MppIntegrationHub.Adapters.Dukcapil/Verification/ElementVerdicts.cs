using System.Runtime.CompilerServices;
using System.Text.Json;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// A CALL_VERIFY_BY_ELEMEN record: Dukcapil's verdict on each element (<c>Sesuai</c>, <c>Tidak Sesuai (59)</c>), or an
/// in-band failure. <see cref="ElementVerdictsPageConverter"/> parses each verdict as it reads it; a verdict the hub
/// does not know makes the answer malformed only when its element was sent.
/// </summary>
public sealed class ElementVerdicts
{
    /// <summary>How many elements CALL_VERIFY_BY_ELEMEN judges.</summary>
    public const int ElementCount = 15;

    private Verdicts _verdicts;

    /// <summary>One bit per element whose verdict the hub does not know.</summary>
    private int _unknown;

    /// <summary>Dukcapil's <c>RESPONSE_CODE</c> (a string or a number), present only on failures.</summary>
    public JsonElement? ResponseCode { get; internal set; }

    /// <summary>
    /// The verdict on the element at <paramref name="element"/> in <see cref="ElementVerification"/>'s order; a
    /// <see cref="FormatException"/> (a malformed answer) when the registry did not judge it or sent a verdict the hub
    /// does not know.
    /// </summary>
    public FieldVerdict On(int element) =>
        (_unknown & (1 << element)) != 0 ? throw new FormatException("The registry sent a verdict the hub does not know.")
        : _verdicts[element] ?? throw new FormatException("The registry did not judge an element it was sent.");

    internal void Judge(int element, FieldVerdict verdict) => _verdicts[element] = verdict;

    internal void NotUnderstood(int element) => _unknown |= 1 << element;

    /// <summary>The verdicts inline in the record: one object per record, not two.</summary>
    [InlineArray(ElementCount)]
    private struct Verdicts
    {
        private FieldVerdict? _element;
    }
}
