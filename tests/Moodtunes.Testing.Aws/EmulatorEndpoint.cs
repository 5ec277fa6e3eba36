using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Moodtunes.Testing.Aws;

/// <summary>
/// One loopback URL in front of both emulators, because <c>Storage:ServiceUrl</c> is a single endpoint for
/// DynamoDB and S3 alike. DynamoDB's JSON protocol names its operation in <c>X-Amz-Target</c>; every other
/// request is S3. Requests are relayed unchanged (Host included, so signatures still match).
/// </summary>
internal sealed class EmulatorEndpoint : IAsyncDisposable
{
    /// <summary>Hop-by-hop headers, and Host, which is set on the relayed request separately.</summary>
    private static readonly HashSet<string> NotRelayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Expect", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication app;
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    });

    private readonly Uri dynamoDb;
    private readonly Uri s3;

    private EmulatorEndpoint(Uri dynamoDb, Uri s3)
    {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(RelayAsync);
    }

    /// <summary>Where both emulators answer, with a trailing slash (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri Url { get; private set; } = null!;

    public static async Task<EmulatorEndpoint> StartAsync(Uri dynamoDb, Uri s3)
    {
        var endpoint = new EmulatorEndpoint(dynamoDb, s3);
        await endpoint.app.StartAsync();
        endpoint.Url = new Uri(endpoint.app.Urls.Single().TrimEnd('/') + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        http.Dispose();
    }

    private async Task RelayAsync(HttpContext context)
    {
        var incoming = context.Request;
        var backend = incoming.Headers.ContainsKey("X-Amz-Target") ? dynamoDb : s3;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var relayed = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(backend, rawTarget));
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            relayed.Content = new StreamContent(incoming.Body);
        }

        relayed.Headers.Host = incoming.Host.Value;
        foreach (var (name, headerValues) in incoming.Headers.Where(h => !NotRelayed.Contains(h.Key)))
        {
            // s3rver splits the copy source at '/' before decoding it, and AWSSDK encodes the '/' after the bucket
            // (S3 takes both); s3rver checks no signature, so the header may be rewritten.
            IEnumerable<string?> values = name.Equals("x-amz-copy-source", StringComparison.OrdinalIgnoreCase)
                ? [.. headerValues.Select(v => v?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase))]
                : headerValues;
            if (!relayed.Headers.TryAddWithoutValidation(name, values))
            {
                // A bodiless request can still carry content headers (a copy's new Content-Type).
                relayed.Content ??= new ByteArrayContent([]);
                relayed.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        using var answer = await http.SendAsync(relayed, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(h => !NotRelayed.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
