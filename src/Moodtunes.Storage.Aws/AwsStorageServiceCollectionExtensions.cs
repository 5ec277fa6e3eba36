using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;

namespace Moodtunes.Storage.Aws;

public static class AwsStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAnalysisStore"/>, <see cref="ITrackMediaCache"/> and <see cref="ISavedSongStore"/> (DynamoDB, one table),
    /// <see cref="IPhotoStore"/>, <see cref="IUploadTargetIssuer"/> and <see cref="IStorageEventReader"/> (S3) as
    /// singletons, with <see cref="AwsStorageOptions"/> read from <paramref name="storageSection"/> (the "Storage"
    /// section: TableName, BucketName, optional ServiceUrl) when first needed. SDK clients and <see cref="TimeProvider"/> are only added when none is registered; they take
    /// region and credentials from the environment as usual.
    /// </summary>
    /// <remarks>
    /// Resolving a store throws <see cref="InvalidOperationException"/> when TableName or BucketName is missing or
    /// ServiceUrl is not an absolute http(s) URL.
    /// </remarks>
    public static IServiceCollection AddAwsStorage(this IServiceCollection services, IConfiguration storageSection)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => ReadOptions(storageSection));
        services.TryAddSingleton<IAmazonDynamoDB>(sp => sp.GetRequiredService<AwsStorageOptions>().ServiceUrl is { } url
            ? new AmazonDynamoDBClient(new AmazonDynamoDBConfig { ServiceURL = url.ToString() })
            : new AmazonDynamoDBClient());

        // Emulators serve buckets by path, not by virtual host.
        services.TryAddSingleton<IAmazonS3>(sp => sp.GetRequiredService<AwsStorageOptions>().ServiceUrl is { } url
            ? new AmazonS3Client(new AmazonS3Config { ServiceURL = url.ToString(), ForcePathStyle = true })
            : new AmazonS3Client());
        services.AddSingleton<IAnalysisStore>(sp => new DynamoDbAnalysisStore(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<AwsStorageOptions>().TableName, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITrackMediaCache>(sp => new DynamoDbTrackMediaCache(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<AwsStorageOptions>().TableName, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISavedSongStore>(sp => new DynamoDbSavedSongStore(
            sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<AwsStorageOptions>().TableName, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPhotoStore>(sp => new S3PhotoStore(sp.GetRequiredService<IAmazonS3>(), sp.GetRequiredService<AwsStorageOptions>().BucketName));
        services.AddSingleton<IUploadTargetIssuer>(sp =>
            new S3UploadTargetIssuer(sp.GetRequiredService<IAmazonS3>(), sp.GetRequiredService<AwsStorageOptions>().BucketName));
        services.AddSingleton<IStorageEventReader, S3EventReader>();
        return services;
    }

    private static AwsStorageOptions ReadOptions(IConfiguration section)
    {
        string Required(string name) => section[name] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration value '{Describe(section, name)}' is required.");

        Uri? serviceUrl = null;
        if (section["ServiceUrl"] is { Length: > 0 } text &&
            !(Uri.TryCreate(text, UriKind.Absolute, out serviceUrl) && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"Configuration value '{Describe(section, "ServiceUrl")}' must be an absolute http(s) URL.");
        }

        return new AwsStorageOptions { TableName = Required("TableName"), BucketName = Required("BucketName"), ServiceUrl = serviceUrl };
    }

    private static string Describe(IConfiguration section, string name) =>
        section is IConfigurationSection { Path: var path } ? $"{path}:{name}" : name;
}
