using System.Net.Http.Json;
using System.Text.Json;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Deezer;

/// <summary>Deezer's public API: <c>/search</c> and <c>/track/{id}</c>, no key. Every failure is a <see cref="TrackProviderException"/>.</summary>
internal sealed class DeezerClient(HttpClient http, ProviderCircuit circuit, ProviderBudget budget)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The advanced-search expression for one song: <c>artist:"artist" track:"title"</c>.</summary>
    public static string SearchQuery(string title, string artist) => $"artist:\"{Unquote(artist)}\" track:\"{Unquote(title)}\"";

    public async Task<IReadOnlyList<DeezerTrack>> SearchAsync(string title, string artist, CancellationToken cancellationToken)
    {
        var response = await GetAsync<DeezerSearchResponse>(
            $"search?limit=10&q={Uri.EscapeDataString(SearchQuery(title, artist))}", cancellationToken).ConfigureAwait(false);
        return response.Error is { Code: DeezerError.DataNotFound } ? [] : Check<IReadOnlyList<DeezerTrack>>(response.Error, [.. response.Data?.OfType<DeezerTrack>() ?? []]);
    }

    /// <summary>The track, or null when Deezer does not know the id.</summary>
    public async Task<DeezerTrack?> GetTrackAsync(string id, CancellationToken cancellationToken)
    {
        // Deezer ids are numbers; anything else could reshape the request path.
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException("A Deezer track id is a number.", nameof(id));
        }

        var track = await GetAsync<DeezerTrack>($"track/{id}", cancellationToken).ConfigureAwait(false);
        return track.Error is { Code: DeezerError.DataNotFound } ? null : Check(track.Error, track);
    }

    /// <summary>An error object other than "no data" (a quota, a busy service) is a failure like a 5xx.</summary>
    private T Check<T>(DeezerError? error, T value)
    {
        if (error is null)
        {
            return value;
        }

        circuit.Failed();
        throw new TrackProviderException($"Deezer answered {error.Type} {error.Code}: {error.Message}");
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (circuit.IsOpen)
        {
            throw new TrackProviderException("Deezer failed repeatedly; not asking it for a while.");
        }

        if (!budget.TryTake())
        {
            throw new TrackProviderException("This server's budget of Deezer requests is spent for now; not asking.");
        }

        try
        {
            using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("Deezer answered null.");
            circuit.Succeeded();
            return body;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A timeout (the client's own), a refused connection, a 429/5xx or a body that is not Deezer's JSON.
            circuit.Failed();
            throw new TrackProviderException($"Deezer could not be asked: {e.Message}", e);
        }
    }

    private static string Unquote(string value) => value.Replace("\"", string.Empty, StringComparison.Ordinal);
}
