using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Moodtunes.LoadTest;

/// <summary>One phone doing what the page does: ask for a target, upload, poll until the result shows.</summary>
internal sealed class DeviceSession(HttpClient http, Uri server)
{
    private readonly string _token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<Attempt> UploadAndWaitAsync(byte[] photo, TimeSpan pollEvery, TimeSpan giveUpAfter, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var create = Request(HttpMethod.Post, "/api/uploads");
        create.Content = JsonContent.Create(new { contentType = "image/jpeg", size = photo.Length });
        using var created = await http.SendAsync(create, cancellationToken).ConfigureAwait(false);
        created.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var id = body.RootElement.GetProperty("analysisId").GetString()!;
        var upload = body.RootElement.GetProperty("upload");

        using var form = new MultipartFormDataContent();
        foreach (var field in upload.GetProperty("fields").EnumerateObject())
        {
            form.Add(new StringContent(field.Value.GetString()!), field.Name);
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        using var uploaded = await http.PostAsync(new Uri(server, upload.GetProperty("url").GetString()), form, cancellationToken).ConfigureAwait(false);
        uploaded.EnsureSuccessStatusCode();

        while (clock.Elapsed < giveUpAfter)
        {
            using var poll = Request(HttpMethod.Get, $"/api/analyses/{id}");
            using var answer = await http.SendAsync(poll, cancellationToken).ConfigureAwait(false);
            answer.EnsureSuccessStatusCode();
            using var analysis = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var status = analysis.RootElement.GetProperty("status").GetString();
            if (status != "pending")
            {
                var reason = status == "failed" ? analysis.RootElement.GetProperty("failure").GetProperty("code").GetString() : null;
                return new Attempt(id, status!, reason, clock.Elapsed);
            }

            await Task.Delay(pollEvery, cancellationToken).ConfigureAwait(false);
        }

        return new Attempt(id, "lost", null, clock.Elapsed);
    }

    /// <summary>How many analyses this device's history holds (1 per upload: none lost, none duplicated).</summary>
    public async Task<int> HistoryCountAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/api/history?limit=50");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var history = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return history.RootElement.GetProperty("items").GetArrayLength();
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(server, path));
        request.Headers.Add("X-Device-Token", _token);
        return request;
    }
}

internal sealed record Attempt(string AnalysisId, string Status, string? FailureCode, TimeSpan Latency);
