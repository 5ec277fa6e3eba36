using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Storage.Local;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>
/// The local server's own Program (every feature, the upload endpoint, the analysis worker, the page)
/// in memory, on a data folder of its own or on a given one (to start a second server on the same data).
/// </summary>
public sealed class LocalServerFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory? _ownedData;

    /// <summary>A server on a fresh data folder, removed with it (the only public constructor, as xunit fixtures need).</summary>
    public LocalServerFactory()
    {
        _ownedData = new TemporaryDirectory();
        DataDirectory = _ownedData.Path;
    }

    private LocalServerFactory(string dataDirectory) => DataDirectory = dataDirectory;

    /// <summary>A server on an existing data folder, which the caller keeps and removes.</summary>
    public static LocalServerFactory On(string dataDirectory) => new(dataDirectory);

    public string DataDirectory { get; }

    /// <summary>A Deezer stand-in to resolve covers and previews against (<see cref="FakeDeezer"/>); none by default.</summary>
    public Uri? DeezerBaseAddress { get; init; }

    /// <summary>Where a photo key lives on disk (see docs/storage.md).</summary>
    public string PhotoPath(string key) => Path.Combine(DataDirectory, "objects", key);

    /// <summary>The server's own signer, to forge targets it would refuse (an expired one) without waiting.</summary>
    public LocalUploadPolicy Signer => Services.GetRequiredService<LocalUploadPolicy>();

    public HttpClient CreateDeviceClient(string token) => CreateClient().WithDeviceToken(token);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // AddLocalServer reads the "Moodtunes" section while Program registers services; settings given here are visible then.
        builder.UseSetting("Moodtunes:DataDirectory", DataDirectory);

        // Tests reach nothing beyond loopback: the music provider is off unless a test points it at a stand-in.
        builder.UseSetting("Deezer:Enabled", DeezerBaseAddress is null ? "false" : "true");
        if (DeezerBaseAddress is not null)
        {
            builder.UseSetting("Deezer:BaseAddress", DeezerBaseAddress.AbsoluteUri);
        }

        // Test classes run servers side by side: a worker per core in each would only compete for the same cores.
        builder.UseSetting("Moodtunes:AnalysisWorkers", "2");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedData?.Dispose();
        }
    }
}
