using System.Text.RegularExpressions;
using Amazon.CDK.AWS.CloudFront;

namespace Moodtunes.Cdk;

/// <summary>
/// The page's CSP allows connections to its own origin only (<c>connect-src 'self'</c>), which is all the local
/// server needs: uploads go to the same origin there. On AWS the browser also POSTs photos straight to the photo
/// bucket, whose name is known only at deploy, so the deployment writes that one origin into the deployed page.
/// </summary>
public static class PageSecurityPolicy
{
    /// <summary>The page whose CSP is rewritten, relative to the site folder.</summary>
    public const string PageFile = "index.html";

    /// <summary>The directive as the page ships it, including its terminator so a longer list is not mistaken for it.</summary>
    public const string OwnOriginOnly = "connect-src 'self';";

    /// <summary>The page with the upload origin added to <c>connect-src</c>; a page without the directive fails the synth rather than deploying a page that cannot upload.</summary>
    public static string AllowUploadsTo(string page, string uploadOrigin)
    {
        ArgumentNullException.ThrowIfNull(page);
        var at = page.IndexOf(OwnOriginOnly, StringComparison.Ordinal);
        if (at < 0 || page.IndexOf(OwnOriginOnly, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidDataException($"{PageFile} must hold \"{OwnOriginOnly}\" once in its Content-Security-Policy, so the deployment can allow the photo bucket.");
        }

        return string.Concat(page.AsSpan(0, at), $"connect-src 'self' {uploadOrigin};", page.AsSpan(at + OwnOriginOnly.Length));
    }

    /// <summary>
    /// The referrer policy the page's own meta names, for the header CloudFront adds, so page and header never
    /// disagree; a page without one fails the synth.
    /// </summary>
    public static HeadersReferrerPolicy ReferrerPolicy(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var meta = Regex.Match(page, """<meta name="referrer" content="([a-z-]+)">""", RegexOptions.None, TimeSpan.FromSeconds(1));
        return (meta.Success ? meta.Groups[1].Value : null) switch
        {
            "no-referrer" => HeadersReferrerPolicy.NO_REFERRER,
            "no-referrer-when-downgrade" => HeadersReferrerPolicy.NO_REFERRER_WHEN_DOWNGRADE,
            "origin" => HeadersReferrerPolicy.ORIGIN,
            "origin-when-cross-origin" => HeadersReferrerPolicy.ORIGIN_WHEN_CROSS_ORIGIN,
            "same-origin" => HeadersReferrerPolicy.SAME_ORIGIN,
            "strict-origin" => HeadersReferrerPolicy.STRICT_ORIGIN,
            "strict-origin-when-cross-origin" => HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
            "unsafe-url" => HeadersReferrerPolicy.UNSAFE_URL,
            var other => throw new InvalidDataException(
                $"{PageFile} must name its referrer policy in <meta name=\"referrer\" content=\"...\"> (found '{other}'): CloudFront sends the same one."),
        };
    }
}
