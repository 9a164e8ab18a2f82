using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// The verdicts on the elements a request sent, keyed by the request's field names in <see cref="ElementVerification"/>'s
/// order: a read-only view on the record the answer was read into, each verdict checked when the view is made, so
/// an answer's verdicts are not copied into a dictionary.
/// </summary>
public sealed class SentElementVerdictDictionary : IReadOnlyDictionary<string, FieldVerdict>
{
    private readonly ElementVerdicts _judged;

    /// <summary>One bit per element sent, at its index in <see cref="ElementVerification.Elements"/>.</summary>
    private readonly int _sent;

    /// <summary>
    /// The verdicts on the elements in <paramref name="sent"/>; a <see cref="FormatException"/> (a malformed answer)
    /// when <paramref name="judged"/> lacks one or holds one the hub does not know.
    /// </summary>
    internal SentElementVerdictDictionary(int sent, ElementVerdicts judged)
    {
        _judged = judged;
        _sent = sent;
        for (var remaining = sent; remaining != 0; remaining &= remaining - 1)
        {
            Matching += judged.On(BitOperations.TrailingZeroCount(remaining)).Matches ? 1 : 0;
        }
    }

    /// <summary>How many of the elements sent match the registry.</summary>
    public int Matching { get; }

    public int Count => BitOperations.PopCount((uint)_sent);

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<FieldVerdict> Values => this.Select(pair => pair.Value);

    public FieldVerdict this[string key] =>
        TryGetValue(key, out var verdict) ? verdict : throw new KeyNotFoundException($"No element '{key}' was sent.");

    public bool ContainsKey(string key) => SentIndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldVerdict value)
    {
        var element = SentIndexOf(key);
        value = element >= 0 ? _judged.On(element) : null;
        return value is not null;
    }

    /// <summary>The verdicts in the elements' order, without allocating when enumerated directly.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, FieldVerdict>> IEnumerable<KeyValuePair<string, FieldVerdict>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int SentIndexOf(string key)
    {
        var elements = ElementVerification.Elements;
        for (var element = 0; element < elements.Length; element++)
        {
            if ((_sent & (1 << element)) != 0 && string.Equals(elements[element].Field, key, StringComparison.Ordinal))
            {
                return element;
            }
        }

        return -1;
    }

    public struct Enumerator : IEnumerator<KeyValuePair<string, FieldVerdict>>
    {
        private readonly SentElementVerdictDictionary _verdicts;
        private int _remaining;

        internal Enumerator(SentElementVerdictDictionary verdicts)
        {
            _verdicts = verdicts;
            _remaining = verdicts._sent;
        }

        public KeyValuePair<string, FieldVerdict> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            var element = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = new(ElementVerification.Elements[element].Field, _verdicts._judged.On(element));
            return true;
        }

        public void Reset() => _remaining = _verdicts._sent;

        public readonly void Dispose()
        {
        }
    }
}
