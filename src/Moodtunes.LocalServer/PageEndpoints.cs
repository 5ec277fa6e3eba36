using Microsoft.Extensions.FileProviders;
using QRCoder;

namespace Moodtunes.LocalServer;

/// <summary>The page itself and a QR code of its address, for phones on the same network.</summary>
public static class PageEndpoints
{
    public static WebApplication UsePage(this WebApplication app, LocalServerOptions options)
    {
        var site = new PhysicalFileProvider(Path.GetFullPath(options.SiteDirectory));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = site });
        app.MapGet("/qr.svg", (HttpRequest request) =>
        {
            var url = options.PublicUrl?.ToString() ?? $"{request.Scheme}://{request.Host}/";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            return Results.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml");
        }).WithName("PageQrCode").WithSummary("A QR code of the page's address.");
        return app;
    }
}
