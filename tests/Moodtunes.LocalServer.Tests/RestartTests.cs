using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>Photos are deleted once analysed, so a photo left in the data folder is an upload a stopped server never finished.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_new_server_on_the_same_data_analyses_a_photo_left_by_the_previous_one()
    {
        using var data = new TemporaryDirectory();
        var token = TestDevices.NewToken();
        IssuedUpload upload;
        using (var before = LocalServerFactory.On(data.Path))
        {
            using var client = before.CreateDeviceClient(token);
            upload = await PhotoUploads.RequestAsync(client, "image/png", 1000);
        }

        // The photo arrived, but the server stopped before its worker got to it.
        var path = Path.Combine(data.Path, "objects", upload.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, TestPhotos.Read(TestPhotos.Astronaut));

        using var after = LocalServerFactory.On(data.Path);
        using var restarted = after.CreateDeviceClient(token);
        var analysis = await Analyses.WaitUntilFinishedAsync(restarted, upload.AnalysisId);

        Assert.Equal("done", analysis.GetProperty("status").GetString());
        Assert.Equal("happy", analysis.GetProperty("result").GetProperty("emotion").GetString());
        await Analyses.WaitUntilDeletedAsync(path);
    }
}
