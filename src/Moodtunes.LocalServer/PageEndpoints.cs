using Microsoft.Extensions.FileProviders;
using QRCoder;

namespace Moodtunes.LocalServer;

/// <summary>The page itself and a QR code of its address, for phones on the same network.</summary>
public static class PageEndpoints
{
    /// <summary>The longest "host:port" the QR code reflects (a DNS name is at most 253 characters); QR codes hold about 2 KB.</summary>
    private const int MaxHostLength = 253 + 6;

    public static WebApplication UsePage(this WebApplication app, LocalServerOptions options)
    {
        var site = new PhysicalFileProvider(Path.GetFullPath(options.SiteDirectory));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = site });
        app.MapGet("/qr.svg", (HttpRequest request) =>
        {
            var url = options.PublicUrl?.ToString() ?? PageAddress(request);
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            return Results.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml");
        }).WithName("PageQrCode").WithSummary("A QR code of the page's address.");
        return app;
    }

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
