using System.Globalization;
using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Moodtunes.Storage.Aws;

namespace Moodtunes.Cli.Commands;

/// <summary>
/// <c>moodtunes redrive &lt;failed-events-queue-url&gt; &lt;photo-bucket&gt;</c> (both are stack outputs): replays the
/// S3 events AnalyzeFunction failed on past its retries. Each queued message is Lambda's invocation record, whose
/// <c>requestPayload</c> is the original S3 event; every photo it names that is still in the bucket is copied onto
/// itself, which raises a fresh ObjectCreated event and so a fresh analysis through the usual path (the analyzer's
/// conditional write keeps that exactly-once). A photo already gone (analysed, deleted, or past the one-day
/// lifecycle) has nothing left to analyse. A message is deleted only once all its photos were handled.
/// </summary>
public static class RedriveCommand
{
    /// <summary>Marks the copy, so the object really changes (S3 refuses a copy onto itself that changes nothing).</summary>
    public const string RedrivenAtMetadata = "moodtunes-redriven-at";

    /// <summary>SQS hands out at most ten messages a call.</summary>
    private const int MessagesPerCall = 10;

    public static async Task<int> RunAsync(string queueUrl, string bucket, TextWriter output)
    {
        using var sqs = new AmazonSQSClient();
        using var s3 = new AmazonS3Client();
        return await RunAsync(sqs, s3, queueUrl, bucket, TimeProvider.System, output, CancellationToken.None);
    }

    /// <returns>0 when the queue was emptied; 65 (EX_DATAERR) when some message could not be read and was left in it.</returns>
    public static async Task<int> RunAsync(
        IAmazonSQS sqs, IAmazonS3 s3, string queueUrl, string bucket, TimeProvider clock, TextWriter output, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(output);
        var reader = new S3EventReader();
        var (redriven, gone, unreadable) = (0, 0, 0);
        while (true)
        {
            var received = await sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = MessagesPerCall, WaitTimeSeconds = 1 }, cancellation);
            if (received.Messages is not { Count: > 0 } messages)
            {
                break;
            }

            foreach (var message in messages)
            {
                if (RequestPayload(message.Body) is not { } payload || reader.CreatedKeys(payload) is not { } keys)
                {
                    // Left in the queue (it comes back after its visibility timeout) for a person to look at.
                    await output.WriteLineAsync($"unreadable  message {message.MessageId}");
                    unreadable++;
                    continue;
                }

                foreach (var key in keys)
                {
                    var copied = await RetriggerAsync(s3, bucket, key, clock, cancellation);
                    await output.WriteLineAsync($"{(copied ? "redriven" : "photo-gone"),-11} {key}");
                    _ = copied ? redriven++ : gone++;
                }

                await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, cancellation);
            }
        }

        await output.WriteLineAsync($"redrive: {redriven} redriven, {gone} photos gone, {unreadable} unreadable");
        return unreadable == 0 ? 0 : 65;
    }

    /// <summary>The original event inside Lambda's invocation record; null when the body is not one.</summary>
    private static string? RequestPayload(string body)
    {
        try
        {
            using var record = JsonDocument.Parse(body);
            return record.RootElement.ValueKind == JsonValueKind.Object && record.RootElement.TryGetProperty("requestPayload", out var payload)
                ? payload.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<bool> RetriggerAsync(IAmazonS3 s3, string bucket, string key, TimeProvider clock, CancellationToken cancellation)
    {
        GetObjectMetadataResponse head;
        try
        {
            head = await s3.GetObjectMetadataAsync(bucket, key, cancellation);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        var copy = new CopyObjectRequest
        {
            SourceBucket = bucket,
            SourceKey = key,
            DestinationBucket = bucket,
            DestinationKey = key,
            MetadataDirective = S3MetadataDirective.REPLACE,
        };
        // REPLACE replaces the content type too; the photo keeps its own.
        copy.Headers.ContentType = head.Headers.ContentType;
        foreach (var name in head.Metadata.Keys)
        {
            copy.Metadata[name] = head.Metadata[name];
        }

        copy.Metadata[RedrivenAtMetadata] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await s3.CopyObjectAsync(copy, cancellation);
        return true;
    }
}
