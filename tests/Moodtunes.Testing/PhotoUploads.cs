using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Moodtunes.Api;

namespace Moodtunes.Testing;

/// <summary>The upload target of a <c>201</c> from <c>POST /api/uploads</c>, with its form fields in the order given.</summary>
public sealed record IssuedUpload(
    string AnalysisId, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Fields, DateTimeOffset ExpiresAt, long MaxBytes)
{
    /// <summary>The photo key the target allows (also the photo's path under the local data folder's objects/).</summary>
    public string Key => Field("key");

    public string Field(string name) => Fields.Single(f => f.Key == name).Value;

    /// <summary>The same fields with one value replaced, for uploads that break the signed policy.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FieldsWith(string name, string value) =>
        [.. Fields.Select(f => f.Key == name ? new KeyValuePair<string, string>(name, value) : f)];

    public static IssuedUpload Parse(JsonElement body)
    {
        var upload = body.GetProperty("upload");
        return new IssuedUpload(
            body.GetProperty("analysisId").GetString()!,
            new Uri(upload.GetProperty("url").GetString()!, UriKind.RelativeOrAbsolute),
            [.. upload.GetProperty("fields").EnumerateObject().Select(f => new KeyValuePair<string, string>(f.Name, f.Value.GetString()!))],
            upload.GetProperty("expiresAt").GetDateTimeOffset(),
            upload.GetProperty("maxBytes").GetInt64());
    }
}

/// <summary>Uploads the way the page does: ask for a target, then POST the form with every field and the file last.</summary>
public static class PhotoUploads
{
    public const string CreatePath = ApiRoutes.Uploads;

    /// <summary>POST /api/uploads; fails the test unless the answer is <c>201 Created</c>.</summary>
    public static async Task<IssuedUpload> RequestAsync(HttpClient client, string contentType, long size)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(CreatePath, new { contentType, size });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {CreatePath} answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return IssuedUpload.Parse(json.RootElement);
    }

    /// <summary>
    /// The browser's multipart/form-data POST: <paramref name="fields"/> in order, then the photo in a part named
    /// "file" (last, as S3 requires) typed with the target's Content-Type field.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, IssuedUpload upload, byte[] photo, IReadOnlyList<KeyValuePair<string, string>>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(upload);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? upload.Fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(upload.Field("Content-Type"));
        form.Add(file, "file", "photo");
        return await client.PostAsync(upload.Url, form);
    }
}
