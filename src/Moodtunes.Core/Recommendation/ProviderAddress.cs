namespace Moodtunes.Core.Recommendation;

/// <summary>The configured address of a music provider's API (Deezer, Spotify), as their clients use it.</summary>
public static class ProviderAddress
{
    /// <summary>
    /// The address with a trailing slash: relative request paths ("search?q=…") resolve under it only then.
    /// </summary>
    public static Uri AsBase(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    /// <summary>Null when <paramref name="address"/> is an absolute http(s) address, else what is wrong, naming <paramref name="key"/>.</summary>
    public static string? Problem(string key, Uri? address) =>
        address is { IsAbsoluteUri: true, Scheme: "https" or "http" }
            ? null
            : $"{key} '{address}' is not an absolute http(s) address.";
}
