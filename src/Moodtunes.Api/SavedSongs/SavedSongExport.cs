using System.Globalization;
using System.Text;
using Moodtunes.Core;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.SavedSongs;

/// <summary>The formats a saved-song list is exported in: a spreadsheet's CSV, or plain text to paste in a message.</summary>
public enum ExportFormat
{
    Csv,
    Text,
}

/// <summary>Writes the saved songs as a file with a link to each song (docs/api.md).</summary>
public static class SavedSongExport
{
    public const string FileName = "moodtunes-saved-songs";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";

    public static string FileNameFor(ExportFormat format) => $"{FileName}.{(format == ExportFormat.Csv ? "csv" : "txt")}";

    public static string Write(IReadOnlyList<SavedTrack> songs, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(songs);
        var text = new StringBuilder();
        if (format == ExportFormat.Csv)
        {
            // RFC 4180: CRLF line ends, every field quoted so commas, quotes and Hangul titles survive spreadsheets.
            Row(text, "title", "artist", "language", "saved_at", "spotify", "youtube_music");
            foreach (var (track, savedAt) in songs)
            {
                Row(text, track.Title, track.Artist, track.Language.ToWire(), WholeSecondsUtc(savedAt), track.Url, YouTubeMusicLinks.Search(track.Title, track.Artist));
            }
        }
        else
        {
            foreach (var (track, _) in songs)
            {
                text.Append(track.Title).Append(" — ").Append(track.Artist).Append('\n')
                    .Append("  Spotify: ").Append(track.Url).Append('\n')
                    .Append("  YouTube Music: ").Append(YouTubeMusicLinks.Search(track.Title, track.Artist)).Append("\n\n");
            }
        }

        return text.ToString();
    }

    private static string WholeSecondsUtc(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, params string[] fields) =>
        text.AppendJoin(',', fields.Select(f => $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")).Append("\r\n");
}
