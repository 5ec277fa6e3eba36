namespace Moodtunes.Deezer;

/// <summary>
/// The origins a preview URL from the provider may point at: the page's audio element follows our redirect to it,
/// so a hostile or spoofed provider answer must not send it to a <c>file:</c> URL, this machine or another site.
/// An entry is an origin (<c>scheme://host[:port]</c>); a host written <c>*.example.net</c> stands for its sub-domains.
/// </summary>
internal sealed class PreviewOrigins
{
    private readonly IReadOnlyList<(string Scheme, string Host, bool SubDomains, int Port)> _allowed;

    public PreviewOrigins(IEnumerable<string> origins)
    {
        _allowed = [.. origins.Select(Parse)];
    }

    public bool Allows(Uri url) =>
        url.IsAbsoluteUri && _allowed.Any(o =>
            url.Scheme == o.Scheme && url.Port == o.Port &&
            (o.SubDomains
                ? url.Host.EndsWith(o.Host, StringComparison.OrdinalIgnoreCase) && url.Host.Length > o.Host.Length
                : url.Host.Equals(o.Host, StringComparison.OrdinalIgnoreCase)));

    private static (string Scheme, string Host, bool SubDomains, int Port) Parse(string origin)
    {
        // "*" is not a valid host character, so the wildcard is read off before the rest is parsed as a URI.
        var subDomains = origin.Contains("://*.", StringComparison.Ordinal);
        var parsable = subDomains ? origin.Replace("://*.", "://", StringComparison.Ordinal) : origin;
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"Preview origin '{origin}' is not an http(s) origin such as https://*.dzcdn.net.");
        }

        return (uri.Scheme, subDomains ? "." + uri.Host : uri.Host, subDomains, uri.Port);
    }
}
