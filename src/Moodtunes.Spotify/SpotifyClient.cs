using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Moodtunes.Spotify;

/// <summary>
/// A small Spotify Web API client: a client-credentials token cached until shortly before it expires,
/// track search and single-track lookup. HTTP failures surface as <see cref="HttpRequestException"/>.
/// </summary>
public sealed class SpotifyClient(IHttpClientFactory httpClientFactory, SpotifyOptions options, TimeProvider timeProvider) : IDisposable
{
    public const string AccountsClientName = "Moodtunes.Spotify.Accounts";
    public const string ApiClientName = "Moodtunes.Spotify.Api";

    /// <summary>Spotify caps search at 10 results.</summary>
    public const int MaxSearchLimit = 10;

    /// <summary>Renew early so a token never expires between our check and Spotify's.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private volatile CachedToken? _token;

    /// <summary>The search expression for one song: <c>track:"title" artist:"artist"</c>.</summary>
    public static string SearchQuery(string title, string artist) => $"track:\"{Unquote(title)}\" artist:\"{Unquote(artist)}\"";

    public async Task<IReadOnlyList<SpotifyTrack>> SearchTracksAsync(string title, string artist, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxSearchLimit);
        var path = $"v1/search?type=track&limit={limit}&q={Uri.EscapeDataString(SearchQuery(title, artist))}";
        var response = await GetAsync<SpotifySearchResponse>(path, cancellationToken).ConfigureAwait(false);
        return [.. response?.Tracks?.Items?.OfType<SpotifyTrack>() ?? []];
    }

    public void Dispose() => _tokenLock.Dispose();

    private static string Unquote(string value) => value.Replace("\"", string.Empty, StringComparison.Ordinal);

    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        using var client = httpClientFactory.CreateClient(ApiClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A revoked or early-expired token: forget it so the next call asks for a fresh one.
            _token = null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (ValidToken() is { } cached)
        {
            return cached;
        }

        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched one while this one waited.
            if (ValidToken() is { } fetched)
            {
                return fetched;
            }

            using var client = httpClientFactory.CreateClient(AccountsClientName);
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/token")
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<SpotifyToken>(JsonOptions, cancellationToken).ConfigureAwait(false);
            if (token is not { AccessToken.Length: > 0 })
            {
                throw new HttpRequestException("Spotify answered the token request without an access token.");
            }

            _token = new CachedToken(token.AccessToken, timeProvider.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - ExpiryMargin);
            return token.AccessToken;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private string? ValidToken() => _token is { } token && timeProvider.GetUtcNow() < token.ExpiresAt ? token.Value : null;

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);
}
