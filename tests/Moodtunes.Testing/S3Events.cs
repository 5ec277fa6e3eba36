using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Moodtunes.Testing;

/// <summary>
/// S3 event notifications in the shape AWS documents ("Event message structure", eventVersion 2.1) and the
/// Lambda Web Adapter passes through to POST /events.
/// </summary>
public static class S3Events
{
    public const string Bucket = "moodtunes-photos";

    /// <summary>A key as S3 writes it into an event: URL-encoded per segment (a space becomes '+'), slashes kept.</summary>
    public static string EncodeKey(string key) => string.Join('/', key.Split('/').Select(WebUtility.UrlEncode));

    /// <summary>One record per object; <paramref name="objects"/> are (key exactly as it appears in the event, size).</summary>
    public static StringContent Event(string eventName, params (string EncodedKey, long Size)[] objects)
    {
        var records = objects.Select((o, i) => new Dictionary<string, object>
        {
            ["eventVersion"] = "2.1",
            ["eventSource"] = "aws:s3",
            ["awsRegion"] = "eu-west-1",
            ["eventTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["eventName"] = eventName,
            ["userIdentity"] = new { principalId = "AWS:AROAEXAMPLEROLE:upload" },
            ["requestParameters"] = new { sourceIPAddress = "203.0.113.10" },
            ["responseElements"] = new Dictionary<string, string>
            {
                ["x-amz-request-id"] = $"C3D13FE58DE4C81{i}",
                ["x-amz-id-2"] = "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
            },
            ["s3"] = new Dictionary<string, object>
            {
                ["s3SchemaVersion"] = "1.0",
                ["configurationId"] = "photo-uploaded",
                ["bucket"] = new { name = Bucket, ownerIdentity = new { principalId = "A3NL1KOZZKExample" }, arn = $"arn:aws:s3:::{Bucket}" },
                ["object"] = new { key = o.EncodedKey, size = o.Size, eTag = "d41d8cd98f00b204e9800998ecf8427e", sequencer = $"0055AED6DCD90281E{i}" },
            },
        });
        return new StringContent(JsonSerializer.Serialize(new { Records = records }), Encoding.UTF8, "application/json");
    }

    public static StringContent ObjectCreated(params (string EncodedKey, long Size)[] objects) => Event("ObjectCreated:Put", objects);
}
