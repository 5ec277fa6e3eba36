using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Aws.Tests;

[Slow]
[Collection(EmulatorCollection.Name)]
public sealed class AwsStorageRegistrationTests(EmulatorFixture emulators)
{
    [Fact]
    public void Options_are_read_from_the_storage_section_and_point_both_clients_at_the_service_url()
    {
        using var services = Provider(new()
        {
            ["Storage:TableName"] = "analyses",
            ["Storage:BucketName"] = "photos",
            ["Storage:ServiceUrl"] = "http://127.0.0.1:4566",
        });

        Assert.Equal(
            new AwsStorageOptions { TableName = "analyses", BucketName = "photos", ServiceUrl = new Uri("http://127.0.0.1:4566") },
            services.GetRequiredService<AwsStorageOptions>());
        var s3 = services.GetRequiredService<IAmazonS3>().Config;
        Assert.Equal(("http://127.0.0.1:4566/", true), (s3.ServiceURL, ((AmazonS3Config)s3).ForcePathStyle));
        Assert.Equal("http://127.0.0.1:4566/", services.GetRequiredService<IAmazonDynamoDB>().Config.ServiceURL);
        Assert.IsType<DynamoDbAnalysisStore>(services.GetRequiredService<IAnalysisStore>());
        Assert.IsType<DynamoDbTrackMediaCache>(services.GetRequiredService<ITrackMediaCache>());
        Assert.Same(services.GetRequiredService<ITrackMediaCache>(), services.GetRequiredService<ITrackMediaCache>());
        Assert.IsType<S3PhotoStore>(services.GetRequiredService<IPhotoStore>());
        Assert.IsType<S3UploadTargetIssuer>(services.GetRequiredService<IUploadTargetIssuer>());
        Assert.IsType<S3EventReader>(services.GetRequiredService<IStorageEventReader>());
    }

    [Theory]
    [InlineData("TableName")]
    [InlineData("BucketName")]
    public void A_missing_name_is_reported_by_its_configuration_key(string missing)
    {
        var values = new Dictionary<string, string?> { ["Storage:TableName"] = "t", ["Storage:BucketName"] = "b" };
        values.Remove($"Storage:{missing}");

        using var services = Provider(values);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IAnalysisStore>());

        Assert.Contains($"Storage:{missing}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_service_url_is_rejected()
    {
        using var services = Provider(new()
        {
            ["Storage:TableName"] = "t",
            ["Storage:BucketName"] = "b",
            ["Storage:ServiceUrl"] = "localhost:4566",
        });

        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IPhotoStore>());
    }

    [Fact]
    public async Task Clients_registered_by_the_app_are_kept_and_the_stores_work_through_them()
    {
        var configuration = Configuration(new()
        {
            ["Storage:TableName"] = EmulatorFixture.TableName,
            ["Storage:BucketName"] = EmulatorFixture.BucketName,
        });
        using var services = new ServiceCollection()
            .AddSingleton(emulators.DynamoDb)
            .AddSingleton(emulators.S3)
            .AddAwsStorage(configuration.GetSection("Storage"))
            .BuildServiceProvider();

        Assert.Null(await services.GetRequiredService<IPhotoStore>().ReadAsync("photos/none/none", 10, CancellationToken.None));
        Assert.Empty((await services.GetRequiredService<IAnalysisStore>().ListAsync(TestDevices.NewDeviceId(), 10, null, CancellationToken.None)).Items);
        var media = services.GetRequiredService<ITrackMediaCache>();
        var id = $"song-{Guid.NewGuid():N}";
        var entry = new CachedTrackMedia(null, TestTrackMedia.Whole(DateTimeOffset.UtcNow) + TestTrackMedia.MissLifetime);
        await media.PutAsync(id, entry, CancellationToken.None);
        Assert.Equal(entry, (await media.GetManyAsync([id], CancellationToken.None))[id]);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> values) =>
        new ServiceCollection().AddAwsStorage(Configuration(values).GetSection("Storage")).BuildServiceProvider();

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
