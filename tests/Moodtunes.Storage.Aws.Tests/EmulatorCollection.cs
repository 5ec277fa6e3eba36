
namespace Moodtunes.Storage.Aws.Tests;

/// <summary>One set of emulators for every test class of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "AWS emulators";
}
