using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MppIntegrationHub.Hub.Audit;

/// <summary>The chain rule: each record's hash covers its content and the previous record's hash.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Length-prefixed fields: no value can be shifted into its neighbour to forge the same input.
        var builder = new StringBuilder();
        foreach (var part in new[]
                 {
                     record.Sequence.ToString(CultureInfo.InvariantCulture),
                     record.OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                     record.ClientId, record.Action, record.Purpose, record.NikReference, record.Fields, record.Resource,
                     record.PreviousHash,
                 })
        {
            builder.Append(part?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(part).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
