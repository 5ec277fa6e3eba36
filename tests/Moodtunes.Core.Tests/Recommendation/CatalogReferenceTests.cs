using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

/// <summary>
/// Every catalog song must be real: its (artist, title) appears in ../shared/data/music/reference-songs.tsv
/// (public chart and streaming lists, see reference-songs.SOURCES.md), or it is listed with a public source
/// in catalog-sources.json next to this file.
/// </summary>
/// <remarks>
/// Matching normalisation, applied to both sides: drop accents from Latin letters (Beyoncé = beyonce),
/// lower-case, "&amp;" and "+" read as "and", then keep only letters and digits (Latin, Hangul, CJK), so spacing
/// and punctuation never decide a match ("Blood Sweat &amp; Tears" = "blood sweat and tears").
/// A title also matches without a trailing "(feat. …)", "(with …)", "(prod. …)" or " feat./ft./featuring …",
/// without its brackets, without a " - …" suffix, or as any one bracket's content ("사이렌 (Siren)" = "Siren").
/// A chart credit also matches on each artist it names (split on ",", "&amp;", "and", "x", "feat.", "with", …),
/// with or without a leading "The", and on a bracket's content ("태연 (TAEYEON)"); a catalog artist also
/// matches under its aliases in catalog-sources.json.
/// </remarks>
public sealed partial class CatalogReferenceTests
{
    [SkippableFact]
    public void Every_catalog_song_is_in_the_reference_charts_or_has_a_cited_source()
    {
        SkipWithoutReference();
        var sources = Sources.Value;
        var reference = ReferenceKeys.Value;
        var exceptions = sources.Exceptions.ToDictionary(e => e.Id, StringComparer.Ordinal);

        var unknown = TrackCatalog.Default.Tracks
            .Where(t => !IsInReference(t.Track.Artist, t.Track.Title, sources, reference) && !exceptions.ContainsKey(t.Track.Id))
            .Select(t => $"{t.Track.Id} ({t.Track.Artist} - {t.Track.Title})")
            .ToList();

        Assert.True(
            unknown.Count == 0,
            $"{unknown.Count} catalog entries are not in reference-songs.tsv and have no cited source in catalog-sources.json: "
            + string.Join("; ", unknown));
    }

    [SkippableFact]
    public void Every_cited_exception_names_a_catalog_entry_that_needs_it_and_a_public_page()
    {
        SkipWithoutReference();
        var sources = Sources.Value;
        var reference = ReferenceKeys.Value;
        var tracks = TrackCatalog.Default.Tracks.ToDictionary(t => t.Track.Id, StringComparer.Ordinal);
        Assert.All(sources.Exceptions, e =>
        {
            Assert.True(tracks.TryGetValue(e.Id, out var track), $"exception '{e.Id}' is not a catalog id");
            Assert.True(Uri.TryCreate(e.Source, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps, $"exception '{e.Id}' needs an https source");
            // An exception the reference already covers would hide a wrong citation: keep the list to what is needed.
            Assert.False(IsInReference(track!.Track.Artist, track.Track.Title, sources, reference), $"'{e.Id}' is in reference-songs.tsv: drop its exception");
        });
    }

    [Theory]
    [InlineData("Blood Sweat & Tears", "blood sweat and tears")]
    [InlineData("Beyoncé", "beyonce")]
    [InlineData("모든 날, 모든 순간", "모든날모든순간")]
    [InlineData("  Don't  Stop Me Now ", "dontstopmenow")]
    public void Keys_ignore_case_accents_spacing_and_punctuation(string text, string expected)
    {
        Assert.Equal(Key(expected), Key(text));
    }

    [Fact]
    public void Titles_match_without_a_featured_credit_or_around_brackets()
    {
        Assert.Contains(Key("Boy With Luv"), TitleKeys("boy with luv (feat. halsey)"));
        Assert.Contains(Key("Boy With Luv"), TitleKeys("boy with luv feat. halsey"));
        Assert.Contains(Key("Siren"), TitleKeys("사이렌 (siren)"));
        Assert.Contains(Key("0X1=LOVESONG"), TitleKeys("0x1=lovesong (i know i love you) feat. seori"));
        Assert.Contains(Key("Bruno Mars"), ArtistKeys("mark ronson featuring bruno mars"));
        Assert.Contains(Key("Killers"), ArtistKeys("the killers"));
        Assert.Contains(Key("TAEYEON"), ArtistKeys("태연 (taeyeon)"));
    }

    private static bool IsInReference(string artist, string title, CatalogSources sources, HashSet<string> reference)
    {
        var artists = sources.ArtistAliases.GetValueOrDefault(artist, []).Append(artist).SelectMany(CatalogArtistKeys);
        var titles = TitleKeys(title);
        return artists.Any(a => titles.Any(t => reference.Contains(Pair(a, t))));
    }

    private static readonly Lazy<CatalogSources> Sources = new(() =>
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Moodtunes.Core.Tests", "Recommendation", "catalog-sources.json");
        return JsonSerializer.Deserialize<CatalogSources>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
    });

    private static string ReferencePath => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "music", "reference-songs.tsv"));

    /// <summary>A fresh clone has no shared/ beside it; CI has, and runs the check.</summary>
    private static void SkipWithoutReference() =>
        Skip.IfNot(File.Exists(ReferencePath), $"{ReferencePath} was not found: the catalog check needs the shared/ folder beside the repository.");

    /// <summary>Every (artist key, title key) pair the reference file allows, joined by a tab.</summary>
    private static readonly Lazy<HashSet<string>> ReferenceKeys = new(() =>
    {
        var path = ReferencePath;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // Line 1 names the sources, line 2 is the header; then "artist<TAB>title".
        foreach (var line in File.ReadLines(path).Skip(2))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }

            var titles = TitleKeys(line[(tab + 1)..]);
            foreach (var artist in ArtistKeys(line[..tab]))
            {
                foreach (var title in titles)
                {
                    keys.Add(Pair(artist, title));
                }
            }
        }

        return keys;
    });

    private static string Pair(string artistKey, string titleKey) => artistKey + "\t" + titleKey;

    internal static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '&' or '+')
            {
                key.Append("and");
            }
            else if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                var accented = Accented.IndexOf(lower, StringComparison.Ordinal);
                key.Append(accented < 0 ? lower : Unaccented[accented]);
            }
        }

        return key.ToString();
    }

    // The build runs with InvariantGlobalization, where string.Normalize cannot decompose accents, so the
    // Latin letters with accents that chart credits use are folded by this table (Hangul needs no folding:
    // the reference file is NFKC and catalog.json is NFC).
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž";
    private const string Unaccented = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz";

    internal static HashSet<string> TitleKeys(string title)
    {
        var withoutCredit = FeaturedCredit().Replace(title, "");
        var variants = new List<string>
        {
            title,
            withoutCredit,
            Brackets().Replace(withoutCredit, ""),
            Brackets().Replace(title, ""),
            DashSuffix().Replace(title, ""),
        };
        variants.AddRange(Brackets().Matches(title).Select(m => m.Value[1..^1]));
        return [.. variants.Select(Key).Where(k => k.Length > 0)];
    }

    internal static HashSet<string> ArtistKeys(string credit)
    {
        var names = new List<string> { credit, Brackets().Replace(credit, "") };
        names.AddRange(Brackets().Matches(credit).Select(m => m.Value[1..^1]));
        names.AddRange(names.SelectMany(n => ArtistSeparator().Split(n)).ToList());
        return [.. names.SelectMany(CatalogArtistKeys)];
    }

    private static IEnumerable<string> CatalogArtistKeys(string artist)
    {
        var trimmed = artist.Trim();
        var key = Key(trimmed);
        if (key.Length > 0)
        {
            yield return key;
        }

        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            yield return Key(trimmed[4..]);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A featured or producer credit to the end of the title: "(feat. X)", "[with X]", " ft. X", …</summary>
    [GeneratedRegex(@"\s*(?:[\(\[]\s*(?:feat\.?|featuring|ft\.?|with|prod\.?)\s|\s(?:feat\.|featuring|ft\.)\s).*$", RegexOptions.IgnoreCase)]
    private static partial Regex FeaturedCredit();

    [GeneratedRegex(@"[\(\[][^\)\]]*[\)\]]")]
    private static partial Regex Brackets();

    /// <summary>" - Remastered 2011", " - Live", " - From …": a version note, not part of the song's name.</summary>
    [GeneratedRegex(@"\s+-\s+.*$")]
    private static partial Regex DashSuffix();

    [GeneratedRegex(@"\s*(?:,|;|/|&|\+|\bfeaturing\b|\bfeat\.?|\bft\.|\bwith\b|\bx\b|\band\b|\bvs\.?)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ArtistSeparator();

    private sealed record CatalogSources(Dictionary<string, string[]> ArtistAliases, CitedException[] Exceptions);

    private sealed record CitedException(string Id, string Source, string? Note);
}
