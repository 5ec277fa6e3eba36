using System.Net;
using Moodtunes.Api;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The page's whole journey on the local server: upload target, form upload, analysis, history.</summary>
public sealed class WholeFlowTests(LocalServerFactory server) : IClassFixture<LocalServerFactory>
{
    [Fact]
    public async Task An_uploaded_smiling_photo_is_analysed_as_happy_with_tracks_and_appears_in_the_history()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var photo = TestPhotos.Read(TestPhotos.Astronaut);

        var upload = await PhotoUploads.RequestAsync(client, "image/png", photo.Length);
        using var stored = await PhotoUploads.PostFormAsync(client, upload, photo);
        var analysis = await Analyses.WaitUntilFinishedAsync(client, upload.AnalysisId);

        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Equal("done", analysis.GetProperty("status").GetString());
        Assert.Equal("happy", analysis.GetProperty("result").GetProperty("emotion").GetString());
        Assert.Equal(EmotionMessages.For(Core.Emotions.Emotion.Happy).Ko, analysis.GetProperty("message").GetProperty("ko").GetString());
        Assert.InRange(analysis.GetProperty("tracks").GetProperty("current").GetArrayLength(), 5, int.MaxValue);
        await Analyses.WaitUntilDeletedAsync(server.PhotoPath(upload.Key));

        using var historyResponse = await client.GetAsync(ApiRoutes.History);
        var history = await HttpAssert.JsonAsync(historyResponse, HttpStatusCode.OK);
        var listed = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal(upload.AnalysisId, listed.GetProperty("id").GetString());
        Assert.Equal("done", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_uploaded_photo_without_a_face_fails_with_no_face()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var photo = TestPhotos.Read(TestPhotos.Cat);

        var upload = await PhotoUploads.RequestAsync(client, "image/png", photo.Length);
        using var stored = await PhotoUploads.PostFormAsync(client, upload, photo);
        var analysis = await Analyses.WaitUntilFinishedAsync(client, upload.AnalysisId);

        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Equal("failed", analysis.GetProperty("status").GetString());
        Assert.Equal(FailureCode.NoFace.ToWire(), analysis.GetProperty("failure").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_second_upload_to_a_finished_analysis_changes_nothing_and_its_photo_is_deleted()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var happy = TestPhotos.Read(TestPhotos.Astronaut);
        var upload = await PhotoUploads.RequestAsync(client, "image/png", happy.Length);
        using (await PhotoUploads.PostFormAsync(client, upload, happy))
        {
        }

        var first = await Analyses.WaitUntilFinishedAsync(client, upload.AnalysisId);
        await Analyses.WaitUntilDeletedAsync(server.PhotoPath(upload.Key));

        // The target is still valid for a few minutes: a replayed or malicious second upload of another photo.
        var noFace = TestPhotos.Read(TestPhotos.Coffee);
        using var again = await PhotoUploads.PostFormAsync(client, upload, noFace);
        await Analyses.WaitUntilDeletedAsync(server.PhotoPath(upload.Key));
        var after = await Analyses.GetAsync(client, upload.AnalysisId);

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal("done", after.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("finishedAt").GetString(), after.GetProperty("finishedAt").GetString());
        Assert.Equal(first.GetProperty("result").GetRawText(), after.GetProperty("result").GetRawText());
        Assert.Equal(first.GetProperty("tracks").GetRawText(), after.GetProperty("tracks").GetRawText());
    }
}
