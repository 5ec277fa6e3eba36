using System.Net;
using Amazon.S3.Util;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// Reads S3 event notifications, as the Lambda Web Adapter passes them to <c>POST /events</c>, with
/// AWSSDK.S3's <see cref="S3EventNotification"/> (the stand-in for Amazon.Lambda.S3Events).
/// </summary>
public sealed class S3EventReader : IStorageEventReader
{
    public IReadOnlyList<string>? CreatedKeys(string body)
    {
        S3EventNotification notification;
        try
        {
            notification = S3EventNotification.ParseJson(body);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException
                                      or Amazon.Runtime.AmazonClientException)
        {
            // ParseJson wraps malformed JSON in AmazonClientException; a body that cannot parse never will.
            return null;
        }

        // S3 never sends an event without records, nor a record without an object key: refuse the whole body
        // before any record is handled rather than fail on it halfway (and be retried for ever).
        if (notification.Records is not { Count: > 0 } records || records.Any(r => r?.S3?.Object?.Key is not { Length: > 0 }))
        {
            return null;
        }

        // ParseJson names events as bucket notification configurations do: "ObjectCreated:Post" arrives as
        // "s3:ObjectCreated:Post". S3 URL-encodes keys in events (spaces as '+').
        return
        [
            .. records
                .Where(r => r.EventName?.Value?.StartsWith("s3:ObjectCreated:", StringComparison.Ordinal) == true)
                .Select(r => WebUtility.UrlDecode(r.S3.Object.Key)),
        ];
    }
}
