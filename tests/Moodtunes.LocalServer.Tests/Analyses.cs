using System.Net;
using System.Text.Json;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>What the page does after uploading: poll the analysis until the worker has finished it.</summary>
public static class Analyses
{
    /// <summary>Generous for a cold start of the vision models on a busy machine; a warm analysis takes tens of ms.</summary>
    public static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(30);

    public static async Task<JsonElement> GetAsync(HttpClient client, string analysisId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(ApiPaths.Analysis(analysisId));
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, string analysisId)
    {
        using var timeout = new CancellationTokenSource(FinishTimeout);
        while (true)
        {
            var analysis = await GetAsync(client, analysisId);
            if (analysis.GetProperty("status").GetString() != "pending")
            {
                return analysis;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Analysis {analysisId} was still pending after {FinishTimeout.TotalSeconds} s.");
            }
        }
    }

    /// <summary>Waits (bounded) for the worker to delete a photo it has handled.</summary>
    public static async Task WaitUntilDeletedAsync(string path)
    {
        var deadline = DateTime.UtcNow + FinishTimeout;
        while (File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} was not deleted within {FinishTimeout.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
