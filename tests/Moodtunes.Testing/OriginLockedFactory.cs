using Microsoft.AspNetCore.Hosting;
using Moodtunes.Api.Http;

namespace Moodtunes.Testing;

/// <summary>A function host configured as on AWS, where only requests carrying CloudFront's origin secret may use /api.</summary>
public sealed class OriginLockedFactory<TEntryPoint> : EmbeddedStorageFactory<TEntryPoint>
    where TEntryPoint : class
{
    public const string Secret = "test-origin-secret";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(OriginLock.ConfigurationKey, Secret);
    }
}
