using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Moodtunes.Api.Page;
using QRCoder;

namespace Moodtunes.LocalServer;

/// <summary>The page itself and a QR code of its address, for phones on the same network.</summary>
public static class PageEndpoints
{
    /// <summary>The longest "host:port" the QR code reflects (a DNS name is at most 253 characters); QR codes hold about 2 KB.</summary>
    private const int MaxHostLength = 253 + 6;

    /// <summary>The response header of <c>/qr.svg</c> that names the address the code holds.</summary>
    public const string QrAddressHeader = "X-Qr-Address";

    /// <summary>Revalidated on every load (a cheap 304 while unchanged), so a new page reaches phones at once.</summary>
    public const string Revalidate = "no-cache";

    /// <summary>A file asked for with a version (<c>?v=</c>) never changes under that address.</summary>
    public const string Versioned = "public, max-age=31536000, immutable";

    /// <summary>Compression of the page and the API's JSON (the page's scripts and styles are text).</summary>
    public static IServiceCollection AddPageDelivery(this IServiceCollection services) => services.AddResponseCompression(o =>
    {
        o.Providers.Add<BrotliCompressionProvider>();
        o.Providers.Add<GzipCompressionProvider>();
        o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/manifest+json", "application/problem+json"];
    });

    public static WebApplication UsePage(this WebApplication app, LocalServerOptions options)
    {
        var site = new PhysicalFileProvider(Path.GetFullPath(options.SiteDirectory));
        app.UseResponseCompression();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = site,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = CachePolicy(file.Context.Request),
        });
        app.MapGet("/qr.svg", (HttpRequest request, HttpResponse response) =>
        {
            var url = options.PublicUrl?.ToString() ?? PageAddress(request);
            // The page reads what the code holds, to warn when it is a loopback address a phone cannot open.
            response.Headers[QrAddressHeader] = url;
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            return Results.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml");
        }).WithName("PageQrCode").WithSummary("A QR code of the page's address.");
        app.MapGet("/" + PageFacts.FileName, (HttpResponse response) =>
        {
            response.Headers.CacheControl = Revalidate;
            return Results.Text(PageFacts.Module, PageFacts.ContentType);
        }).WithName("PageFacts").WithSummary("The server's facts for the page (API paths, limits, codes) as an ES module.");
        return app;
    }

    /// <summary>
    /// index.html and sw.js (and every unversioned file) revalidate: a browser keeps them but asks whether they
    /// changed, so a fix is never stuck behind a cache. Only an address that names its version is kept long.
    /// </summary>
    private static string CachePolicy(HttpRequest request) => request.Query.ContainsKey("v") ? Versioned : Revalidate;

    /// <summary>
    /// The request's own address, as the phone's browser will reach this server; a Host header that is too long
    /// or not a host name falls back to this machine's name for itself, so nothing a client sends is encoded.
    /// </summary>
    private static string PageAddress(HttpRequest request)
    {
        var host = request.Host;
        var trusted = host.HasValue && host.Value.Length <= MaxHostLength && Uri.CheckHostName(host.Host) is not UriHostNameType.Unknown;
        return trusted
            ? $"{request.Scheme}://{host}/"
            : $"{request.Scheme}://localhost:{request.HttpContext.Connection.LocalPort}/";
    }
}
