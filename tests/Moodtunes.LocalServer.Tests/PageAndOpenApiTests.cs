using System.Net;
using System.Text.Json;
using Moodtunes.Api;
using Moodtunes.Testing;
using QRCoder;

namespace Moodtunes.LocalServer.Tests;

/// <summary>What the local server serves besides the API: the page, its QR code, and the OpenAPI document.</summary>
public sealed class PageAndOpenApiTests(LocalServerFactory server) : IClassFixture<LocalServerFactory>
{
    [Theory]
    [InlineData(ApiRoutes.Uploads, "post")]
    [InlineData(ApiRoutes.AnalysisById, "get")]
    [InlineData(ApiRoutes.AnalysisById, "delete")]
    [InlineData(ApiRoutes.AnalysisTracks, "post")]
    [InlineData(ApiRoutes.History, "get")]
    [InlineData(ApiRoutes.History, "delete")]
    [InlineData("/local-uploads", "post")]
    [InlineData("/qr.svg", "get")]
    public async Task The_openapi_document_lists_each_documented_route(string path, string method)
    {
        using var client = server.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.True(
            document.RootElement.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out _),
            $"{method.ToUpperInvariant()} {path} is missing from /openapi/v1.json");
    }

    [Fact]
    public async Task The_root_serves_the_page()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Moodtunes", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/", "no-cache")]
    [InlineData("/index.html", "no-cache")]
    [InlineData("/sw.js", "no-cache")]
    [InlineData("/js/app.js", "no-cache")]
    [InlineData("/styles.css?v=1", "public, max-age=31536000, immutable")]
    public async Task The_page_revalidates_what_has_no_version_and_keeps_a_versioned_file_long(string path, string cacheControl)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_page_is_sent_compressed_to_a_browser_that_accepts_it(string encoding)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/js/i18n.js");
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await client.SendAsync(request);
        var sent = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var file = new FileInfo(Path.Combine(RepositoryPaths.Root, "static-site", "js", "i18n.js"));
        Assert.True(sent.Length < file.Length / 2, $"{sent.Length} bytes sent for a {file.Length}-byte file");
    }

    [Fact]
    public async Task The_qr_code_is_an_svg_image()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/qr.svg");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        // It says what it encodes, so the page can warn when that is a loopback address.
        Assert.Equal("http://localhost/", Assert.Single(response.Headers.GetValues("X-Qr-Address")));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("</svg>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_qr_code_for_an_overlong_host_header_encodes_the_servers_own_address_instead_of_failing()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/qr.svg");
        Assert.True(request.Headers.TryAddWithoutValidation("Host", new string('a', 10_000)));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(QrCodeOf("http://localhost:0/"), await response.Content.ReadAsStringAsync()); // the in-memory server listens on no port
    }

    [Fact]
    public async Task The_qr_code_encodes_the_public_url_when_one_is_set_whatever_the_host_header()
    {
        using var data = new TemporaryDirectory();
        using var configured = LocalServerFactory.On(data.Path)
            .WithWebHostBuilder(builder => builder.UseSetting("Moodtunes:PublicUrl", "https://moodtunes.example/"));
        using var client = configured.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/qr.svg");
        request.Headers.Host = "attacker.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(QrCodeOf("https://moodtunes.example/"), await response.Content.ReadAsStringAsync());
    }

    private static string QrCodeOf(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
