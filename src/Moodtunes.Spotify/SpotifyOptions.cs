using Microsoft.Extensions.Options;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Spotify;

/// <summary>
/// Client-credentials settings, bound from the "Spotify" configuration section (<see cref="SpotifyServiceCollectionExtensions.AddSpotifyLinks"/>).
/// The base addresses exist so tests can point the client at a loopback server.
/// </summary>
public sealed record SpotifyOptions
{
    public const string SectionName = "Spotify";

    public static readonly Uri DefaultAccountsBaseAddress = new("https://accounts.spotify.com/");

    public static readonly Uri DefaultApiBaseAddress = new("https://api.spotify.com/");

    /// <summary>With <see cref="ClientSecret"/>, turns the resolver on; either one blank keeps the catalog's search links.</summary>
    public string ClientId { get; init; } = string.Empty;

    public string ClientSecret { get; init; } = string.Empty;

    public Uri AccountsBaseAddress { get; init; } = DefaultAccountsBaseAddress;

    public Uri ApiBaseAddress { get; init; } = DefaultApiBaseAddress;

    /// <summary>Per-request limit: a slow Spotify must not hold up the song list, which works without it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public bool HasCredentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>Refuses values that would break the client at its first request, naming the configuration key.</summary>
internal sealed class SpotifyOptionsValidator : IValidateOptions<SpotifyOptions>
{
    public ValidateOptionsResult Validate(string? name, SpotifyOptions options)
    {
        string Key(string property) => $"{SpotifyOptions.SectionName}:{property}";
        var problems = new[]
        {
            ProviderAddress.Problem(Key(nameof(options.AccountsBaseAddress)), options.AccountsBaseAddress),
            ProviderAddress.Problem(Key(nameof(options.ApiBaseAddress)), options.ApiBaseAddress),
            options.Timeout > TimeSpan.Zero ? null : $"{Key(nameof(options.Timeout))} must be positive (was {options.Timeout}).",
        }.OfType<string>().ToList();
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
