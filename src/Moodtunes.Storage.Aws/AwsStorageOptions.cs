namespace Moodtunes.Storage.Aws;

/// <summary>Bound from the "Storage" configuration section (Storage__TableName etc. as Lambda environment variables).</summary>
public sealed record AwsStorageOptions
{
    public const string SectionName = "Storage";

    public required string TableName { get; init; }

    public required string BucketName { get; init; }

    /// <summary>An emulator's endpoint (DynamoDB and S3 alike); null for the real services of the ambient region.</summary>
    public Uri? ServiceUrl { get; init; }
}
