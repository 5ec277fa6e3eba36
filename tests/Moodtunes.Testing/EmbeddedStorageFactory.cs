using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;
using Moodtunes.Storage.Local;

namespace Moodtunes.Testing;

/// <summary>
/// Runs a Lambda function's own Program (routes, filters, JSON, problem details) on the embedded stores
/// in a temporary folder instead of DynamoDB and S3. The embedded stores pass the same contract tests as
/// the AWS ones (docs/storage.md), so the function sees the same behaviour without emulators or network.
/// </summary>
public class EmbeddedStorageFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly TemporaryDirectory _data = new();

    public string DataDirectory => _data.Path;

    public IAnalysisStore Analyses => Services.GetRequiredService<IAnalysisStore>();

    public FileSystemPhotoStore Photos => Services.GetRequiredService<FileSystemPhotoStore>();

    /// <summary>Where a photo key lives on disk (objects/ under the data folder).</summary>
    public string PhotoPath(string key) => Path.Combine(DataDirectory, "objects", key);

    /// <summary>A client that sends <paramref name="token"/> as its device token.</summary>
    public HttpClient CreateDeviceClient(string token) => CreateClient().WithDeviceToken(token);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The AWS stores Program registers are replaced; their options and SDK clients are lazy singletons that
        // nothing resolves any more, so no AWS call is made and no AWS setting is needed.
        // Tests reach nothing beyond loopback: the music provider is off unless a test points it at a stand-in.
        builder.UseSetting("Deezer:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAnalysisStore>();
            services.RemoveAll<IPhotoStore>();
            services.RemoveAll<IUploadTargetIssuer>();
            services.RemoveAll<ITrackMediaCache>();
            services.RemoveAll<ISavedSongStore>();
            services.AddLocalStorage(new LocalStorageOptions
            {
                DataDirectory = DataDirectory,

                // Only copied into issued targets: no function serves it (the local server does), so any absolute URL will do.
                UploadUrl = new Uri("http://localhost/local-uploads"),
            });
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
