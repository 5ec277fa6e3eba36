using Amazon.S3.Model;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;

namespace Moodtunes.Storage.Aws.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class S3PhotoStoreTests(EmulatorFixture emulators) : PhotoStoreContract
{
    protected override IPhotoStore Store => new S3PhotoStore(emulators.S3, EmulatorFixture.BucketName);

    protected override async Task PutAsync(string key, byte[] content)
    {
        using var body = new MemoryStream(content);
        await emulators.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = EmulatorFixture.BucketName,
            Key = key,
            InputStream = body,
            ContentType = "image/jpeg",

            // s3rver does not understand aws-chunked bodies and would store the chunk framing as the photo.
            UseChunkEncoding = false,
        });
    }
}
