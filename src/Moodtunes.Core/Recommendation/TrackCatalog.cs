using System.Text.Json;

namespace Moodtunes.Core.Recommendation;

/// <summary>Our curated list of songs (catalog.json, embedded in this assembly), indexed by label.</summary>
public sealed class TrackCatalog
{
    private const string ResourceName = "Moodtunes.Core.Recommendation.catalog.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<TrackCatalog> Embedded = new(LoadEmbedded);

    private readonly Dictionary<CatalogLabel, IReadOnlyList<CatalogTrack>> _byLabel;
    private readonly Dictionary<string, CatalogTrack> _byId;

    private TrackCatalog(IReadOnlyList<CatalogTrack> tracks)
    {
        Tracks = tracks;
        _byLabel = CatalogLabels.All.ToDictionary(
            label => label,
            label => (IReadOnlyList<CatalogTrack>)[.. tracks.Where(t => t.Labels.Contains(label))]);
        _byId = tracks.ToDictionary(t => t.Track.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalog shipped with the product, loaded once.</summary>
    public static TrackCatalog Default => Embedded.Value;

    public IReadOnlyList<CatalogTrack> Tracks { get; }

    public IReadOnlyList<CatalogTrack> WithLabel(CatalogLabel label) => _byLabel[label];

    /// <summary>The entry with this catalog id, or null.</summary>
    public CatalogTrack? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads and validates a catalog: a JSON array of entries shaped like catalog.json.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or an entry breaks a rule.</exception>
    public static TrackCatalog Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        List<Entry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<Entry>>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The catalog is not valid JSON: {e.Message}", e);
        }

        if (entries is null)
        {
            throw new InvalidDataException("The catalog is empty.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var tracks = new List<CatalogTrack>(entries.Count);
        foreach (var entry in entries)
        {
            var track = entry.ToCatalogTrack();
            if (!ids.Add(track.Track.Id))
            {
                throw new InvalidDataException($"Catalog id '{track.Track.Id}' appears twice.");
            }

            tracks.Add(track);
        }

        return new TrackCatalog(tracks);
    }

    private static TrackCatalog LoadEmbedded()
    {
        using var stream = typeof(TrackCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        return Load(stream);
    }

    private sealed record Entry(
        string? Id,
        string? Title,
        string? Artist,
        string? Language,
        string? Url,
        string? SpotifyTrackId,
        IReadOnlyList<string>? Labels,
        double? Valence,
        double? Energy)
    {
        public CatalogTrack ToCatalogTrack()
        {
            if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(Artist))
            {
                throw Invalid("needs an id, a title and an artist");
            }

            if (!WireNames.TryParse<TrackLanguage>(Language, out var language))
            {
                throw Invalid($"has language '{Language}'; expected one of {string.Join(", ", Enum.GetValues<TrackLanguage>().Select(l => l.ToWire()))}");
            }

            if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                throw Invalid($"has url '{Url}'; expected an absolute https link");
            }

            var labels = new HashSet<CatalogLabel>();
            foreach (var name in Labels ?? [])
            {
                labels.Add(WireNames.TryParse<CatalogLabel>(name, out var label) ? label : throw InvalidLabels());
            }

            if (labels.Count == 0)
            {
                throw InvalidLabels();
            }

            if (Valence is not (>= 0 and <= 1) || Energy is not (>= 0 and <= 1))
            {
                throw Invalid("needs valence and energy between 0 and 1");
            }

            return new CatalogTrack(
                new Track(Id, Title, Artist, language, Url!, SpotifyTrackId),
                labels,
                Valence.Value,
                Energy.Value);
        }

        private InvalidDataException InvalidLabels() =>
            Invalid($"needs labels from {string.Join(", ", CatalogLabels.All.Select(l => l.ToWire()))}");

        private InvalidDataException Invalid(string problem) => new($"Catalog entry '{Id}' {problem}.");
    }
}
