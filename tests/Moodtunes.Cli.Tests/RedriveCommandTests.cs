using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Microsoft.Extensions.Time.Testing;
using Moodtunes.Cli.Commands;
using Moodtunes.Testing;
using Moodtunes.Testing.Aws;

namespace Moodtunes.Cli.Tests;

/// <summary>
/// `moodtunes redrive` against s3rver (S3) and a stand-in for the failure queue (SQS's JSON protocol: ReceiveMessage
/// and DeleteMessage), holding invocation records shaped as Lambda writes them (docs/deploy.md cites the format).
/// </summary>
public sealed class RedriveCommandTests(EmulatorFixture emulators) : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_event_whose_photo_is_still_there_is_replayed_by_rewriting_the_photo_and_leaves_the_queue()
    {
        var key = $"photos/device-a/{Guid.NewGuid():N}";
        await emulators.PutObjectAsync(key, [1, 2, 3], "image/jpeg");
        var queue = new FailureQueue(InvocationRecord(key));
        await using var sqs = queue.Start();

        var (exit, printed) = await RedriveAsync(sqs);

        Assert.Equal(0, exit);
        Assert.Contains($"redriven    {key}", printed, StringComparison.Ordinal);
        var head = await emulators.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = EmulatorFixture.BucketName, Key = key });
        Assert.Equal(Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture), head.Metadata[RedriveCommand.RedrivenAtMetadata]);
        Assert.Equal("image/jpeg", head.Headers.ContentType);
        Assert.Empty(queue.Remaining);
    }

    [Fact]
    public async Task A_failed_event_whose_photo_is_gone_is_reported_and_leaves_the_queue()
    {
        var key = $"photos/device-b/{Guid.NewGuid():N} with space";
        var queue = new FailureQueue(InvocationRecord(key));
        await using var sqs = queue.Start();

        var (exit, printed) = await RedriveAsync(sqs);

        Assert.Equal(0, exit);
        Assert.Contains($"photo-gone  {key}", printed, StringComparison.Ordinal);
        Assert.Empty(queue.Remaining);
    }

    [Fact]
    public async Task A_message_that_is_no_invocation_record_stays_in_the_queue_and_fails_the_command()
    {
        var queue = new FailureQueue("not json", """{"requestPayload": {"Records": []}}""");
        await using var sqs = queue.Start();

        var (exit, printed) = await RedriveAsync(sqs);

        Assert.Equal(65, exit);
        Assert.Contains("0 redriven, 0 photos gone, 2 unreadable", printed, StringComparison.Ordinal);
        Assert.Equal(2, queue.Remaining.Count);
    }

    private async Task<(int Exit, string Printed)> RedriveAsync(AwsJsonStandIn queue)
    {
        using var sqs = new AmazonSQSClient(EmulatorFixture.Credentials, new AmazonSQSConfig { ServiceURL = queue.Url, AuthenticationRegion = EmulatorFixture.Region });
        // Through the emulators' shared endpoint, which smooths over s3rver's reading of the copy source.
        using var s3 = new AmazonS3Client(
            EmulatorFixture.Credentials, new AmazonS3Config { ServiceURL = emulators.ServiceUrl.ToString(), ForcePathStyle = true });
        using var output = new StringWriter();
        var exit = await RedriveCommand.RunAsync(
            sqs, s3, FailureQueue.Url, EmulatorFixture.BucketName, new FakeTimeProvider(Now), output, CancellationToken.None);
        return (exit, output.ToString());
    }

    /// <summary>What Lambda sends to an on-failure destination: the event under requestPayload, plus request and response details.</summary>
    private static string InvocationRecord(string key) => JsonSerializer.Serialize(new
    {
        version = "1.0",
        timestamp = "2026-12-02T07:40:00.000Z",
        requestContext = new { requestId = Guid.NewGuid(), functionArn = "arn:aws:lambda:us-east-1:111122223333:function:analyze:live", condition = "RetriesExhausted", approximateInvokeCount = 3 },
        requestPayload = new
        {
            Records = new[]
            {
                new
                {
                    eventVersion = "2.1",
                    eventSource = "aws:s3",
                    eventName = "ObjectCreated:Post",
                    s3 = new { bucket = new { name = EmulatorFixture.BucketName }, @object = new { key = S3Events.EncodeKey(key), size = 3 } },
                },
            },
        },
        responseContext = new { statusCode = 200, executedVersion = "1", functionError = "Unhandled" },
    });

    /// <summary>A queue whose received messages stay invisible until deleted (the visibility timeout outlasts the test).</summary>
    private sealed class FailureQueue(params string[] bodies)
    {
        public const string Url = "http://127.0.0.1/111122223333/failed-analyze-events";

        private readonly List<(string Id, string Body, bool Received)> messages = [.. bodies.Select(b => (Guid.NewGuid().ToString(), b, false))];

        public IReadOnlyList<string> Remaining
        {
            get
            {
                lock (messages)
                {
                    return [.. messages.Select(m => m.Body)];
                }
            }
        }

        public AwsJsonStandIn Start() => new((operation, request) =>
        {
            lock (messages)
            {
                if (operation == "DeleteMessage")
                {
                    messages.RemoveAll(m => m.Id == request.GetProperty("ReceiptHandle").GetString());
                    return new { };
                }

                var batch = messages.Where(m => !m.Received).Take(request.GetProperty("MaxNumberOfMessages").GetInt32()).ToList();
                for (var i = 0; i < messages.Count; i++)
                {
                    messages[i] = batch.Contains(messages[i]) ? messages[i] with { Received = true } : messages[i];
                }

                return new
                {
                    Messages = batch.Select(m => new
                    {
                        MessageId = m.Id,
                        ReceiptHandle = m.Id,
                        Body = m.Body,
                        MD5OfBody = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(m.Body))),
                    }),
                };
            }
        });
    }
}
