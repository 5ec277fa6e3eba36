using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Moodtunes.Deezer;

/// <summary>
/// Whether a provider's track is the catalog's song: the same title and the same artist once both are
/// normalised. A weak match is refused: playing the wrong song is worse than playing none.
/// </summary>
internal static partial class TrackMatch
{
    /// <summary>Korean artists the provider may list in Hangul while our catalog writes the Latin name.</summary>
    private static readonly Dictionary<string, string> ArtistAliases = new(StringComparer.Ordinal)
    {
        ["아이유"] = "iu",
        ["방탄소년단"] = "bts",
        ["블랙핑크"] = "blackpink",
        ["트와이스"] = "twice",
        ["레드벨벳"] = "red velvet",
        ["빅뱅"] = "bigbang",
        ["악뮤"] = "akmu",
        ["악동뮤지션"] = "akmu",
    };

    public static bool Matches(string catalogTitle, string catalogArtist, string? title, string? artist) =>
        title is not null && artist is not null &&
        Title(title) == Title(catalogTitle) &&
        Artist(artist) == Artist(catalogArtist);

    /// <summary>
    /// Lower case and without punctuation, and without the suffixes that name the same recording: a bracketed or
    /// " - " part starting with feat./with/from/prod./remaster ("Happy - From \"Despicable Me 2\"", "Song (feat. X)",
    /// "Song - Remastered 2011"). Other suffixes ("(Live)", "- Acoustic", "(Inst.)") are other recordings and stay.
    /// </summary>
    public static string Title(string title) => Simplify(Featuring().Replace(SameRecording().Replace(title, " "), " "));

    /// <summary>Like <see cref="Title"/>, "&amp;" read as "and", Hangul spellings of known artists mapped to ours.</summary>
    public static string Artist(string artist)
    {
        var simple = Simplify(Featuring().Replace(artist, " ").Replace("&", " and ", StringComparison.Ordinal));
        return ArtistAliases.GetValueOrDefault(simple, simple);
    }

    private static string Simplify(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // An opening "(", "[" or " - ", a same-recording word, then up to the closing bracket (or the end for " - ").
    [GeneratedRegex(@"(\(|\[|\s-\s)\s*(feat|ft|featuring|with|from|prod|(\d{4}\s+)?remaster(ed)?)\b.*?(\)|\]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SameRecording();

    [GeneratedRegex(@"\s(feat\.?|ft\.|featuring)\s.*$", RegexOptions.IgnoreCase)]
    private static partial Regex Featuring();
}
