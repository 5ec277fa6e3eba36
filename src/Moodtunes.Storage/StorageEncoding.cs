using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage;

/// <summary>How every analysis store writes instants and history cursors, so all stores read alike.</summary>
public static class StorageEncoding
{
    /// <summary>Round-trip ISO 8601 in UTC: sorts as text and keeps sub-second precision.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>The cursor is the last listed analysis id; the device always comes from the caller, never the cursor.</summary>
    public static string EncodeCursor(AnalysisId lastId) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(lastId.Value));

    /// <exception cref="ArgumentException">The cursor was not issued by a store.</exception>
    public static AnalysisId DecodeCursor(string cursor)
    {
        string? id = null;
        if (Base64Url.IsValid(cursor))
        {
            id = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        }

        return AnalysisIds.TryParse(id, out var lastId) ? lastId : throw new ArgumentException("The history cursor is not valid.", nameof(cursor));
    }
}
