using System.Net;
using Moodtunes.Testing;

namespace AnalyzeFunction.Tests;

/// <summary>The analysis of an uploaded photo logs with its analysis id, so its lines join the upload's and the page's.</summary>
public sealed class AnalysisLogScopeTests(LogCapturingFactory<Program> factory) : IClassFixture<LogCapturingFactory<Program>>
{
    [Fact]
    public async Task The_lines_of_an_analysis_carry_its_id()
    {
        var photo = TestPhotos.Read(TestPhotos.Astronaut);
        var pending = PendingAnalyses.New(TestDevices.NewDeviceId());
        await factory.Analyses.CreateAsync(pending, CancellationToken.None);
        using (var content = new MemoryStream(photo))
        {
            await factory.Photos.WriteAsync(pending.PhotoKey, content, long.MaxValue, CancellationToken.None);
        }

        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/events", S3Events.ObjectCreated((pending.PhotoKey, photo.Length)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finished = Assert.Single(factory.Lines, l => l.Message.Contains(pending.Id.Value, StringComparison.Ordinal) && l.Message.Contains("finished", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(pending.Id.Value, finished.AnalysisId);
    }
}
