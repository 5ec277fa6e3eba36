using Moodtunes.Api.Events;
using Moodtunes.Api.Uploads;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests;

/// <summary>Analyses made the way the application makes them: an upload target, the photo landing, the reader's answer.</summary>
internal static class Analysed
{
    /// <summary>A face read as <paramref name="emotion"/>, sure (0.9) or unsure (below every threshold, 0.3).</summary>
    public static PhotoReading Face(Emotion emotion, bool unsure = false)
    {
        var top = unsure ? 0.3f : 0.9f;
        var rest = (1 - top) / (EmotionDistribution.EmotionCount - 1);
        var emotions = new EmotionDistribution([.. Enum.GetValues<Emotion>().Select(e => e == emotion ? top : rest)]);
        var face = new FaceResult { X = 0.3f, Y = 0.2f, Width = 0.3f, Height = 0.3f, DetectionScore = 0.98f, Emotions = emotions };
        return new PhotoReading(1280, 960, [face], 12.5);
    }

    /// <summary>A pending analysis of <paramref name="device"/> and its upload target, made now.</summary>
    public static async Task<UploadOutcome.Created> UploadAsync(this InMemoryApplication app, DeviceId device) =>
        Assert.IsType<UploadOutcome.Created>(
            await app.Uploads.CreateAsync(device, new UploadRequest("image/jpeg", 50_000), CancellationToken.None));

    /// <summary>Uploads a photo that reads as <paramref name="reading"/> and analyses it; returns the analysis id.</summary>
    public static async Task<AnalysisId> AnalyseAsync(this InMemoryApplication app, DeviceId device, PhotoReading reading)
    {
        var created = await app.UploadAsync(device);
        var key = PhotoKey.For(device, created.AnalysisId);
        app.Photos.Put(key, [0xFF, 0xD8, 0xFF]);
        app.Reader.Reading = reading;
        Assert.Equal(AnalysisOutcome.Done, await app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));
        return created.AnalysisId;
    }
}
