using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Aws.Tests;

[Slow]
[Collection(EmulatorCollection.Name)]
public sealed class S3PhotoStoreTests(EmulatorFixture emulators) : PhotoStoreContract
{
    protected override IPhotoStore Store => new S3PhotoStore(emulators.S3, EmulatorFixture.BucketName);

    protected override Task PutAsync(string key, byte[] content) => emulators.PutObjectAsync(key, content, "image/jpeg");
}
