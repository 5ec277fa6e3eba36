namespace Moodtunes.Vision.Tests;

/// <summary>One pipeline for all tests, as in production: models load once and are shared.</summary>
public sealed class VisionPipelineFixture : IDisposable
{
    public VisionPipeline Pipeline { get; } = new(new VisionOptions());

    public void Dispose() => Pipeline.Dispose();
}

[CollectionDefinition(Name)]
public sealed class VisionCollection : ICollectionFixture<VisionPipelineFixture>
{
    public const string Name = "vision";
}
