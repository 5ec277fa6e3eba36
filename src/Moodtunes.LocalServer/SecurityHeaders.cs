using System.Text.RegularExpressions;

namespace Moodtunes.LocalServer;

/// <summary>
/// Headers on every answer. The CSP is the page's own (its &lt;meta&gt; stays the one place it is written) plus
/// frame-ancestors 'none', which a &lt;meta&gt; cannot carry: no other site may frame the page to trick a tap.
/// HSTS only over https: sent over plain http (phones on the network) it would be ignored at best.
/// </summary>
public static partial class SecurityHeaders
{
    private const string FrameAncestors = "frame-ancestors 'none'";

    /// <summary>The page's own meta says the same, so the page and its answers agree.</summary>
    private const string ReferrerPolicy = "strict-origin-when-cross-origin";

    private const string StrictTransportSecurity = "max-age=31536000";

    public static WebApplication UseSecurityHeaders(this WebApplication app, LocalServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var csp = ContentSecurityPolicy(Path.Combine(options.SiteDirectory, "index.html"));
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The page's CSP with frame-ancestors added; frame-ancestors alone when there is no page to read it from.</summary>
    private static string ContentSecurityPolicy(string page) =>
        File.Exists(page) && CspMeta().Match(File.ReadAllText(page)) is { Success: true } meta
            ? $"{meta.Groups[1].Value}; {FrameAncestors}"
            : FrameAncestors;

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")]
    private static partial Regex CspMeta();
}
