using System.Net;
using System.Threading.RateLimiting;
using Moodtunes.Api.Http;
using Moodtunes.Api;
using Moodtunes.Core.Analyses;

namespace Moodtunes.LocalServer;

/// <summary>
/// The local server is open to anyone on the network with the QR code: API requests are limited per
/// device and per network address, uploads per device and per address, and request bodies are small except for photos.
/// On AWS, API Gateway's throttling and S3's signed policy play these parts.
/// </summary>
public static class RequestLimits
{
    /// <summary>JSON bodies are tiny; /local-uploads raises its own limit to the photo size.</summary>
    private const long MaxApiBodyBytes = 16 * 1024;

    /// <summary>One address (a home or office network) may carry this many devices' worth of API requests.</summary>
    private const int AddressShareOfDevices = 20;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder, LocalServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxApiBodyBytes);
        builder.Services.AddRateLimiter(limiter =>
        {
            // A device's budget, and a larger one per network address so that inventing a token per request
            // does not escape the limit. Upload targets count per device too (each is a photo to analyse);
            // the uploads themselves carry no token and count per address. This machine's own loopback
            // traffic (load tests) is limited per device only.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsApi(context) ? PerDevice(context, "device", options.RequestsPerDevicePerMinute) : NoLimit),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsUploadTarget(context) ? PerDevice(context, "device-uploads", options.UploadsPerDevicePerMinute) : NoLimit),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    (IsApi(context) || IsUpload(context)) && context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote) &&
                    ClientAddress.Network(remote) is var address
                        ? IsUpload(context)
                            ? PerMinute($"uploads:{address}", options.RequestsPerDevicePerMinute)
                            : PerMinute($"api:{address}", options.RequestsPerDevicePerMinute * AddressShareOfDevices)
                        : NoLimit));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Result(StatusCodes.Status429TooManyRequests, ProblemCode.TooManyRequests, "Too many requests from this device; try again in a minute.")
                    .ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
            };
        });
        return builder;
    }

    /// <summary>
    /// Rate limits, and an early 413 for a declared body over the API limit: Kestrel enforces the same
    /// limit while reading (bodies without a length included), but answers without a problem body.
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxApiBodyBytes && !context.Request.Path.StartsWithSegments(LocalUploadEndpoints.Path))
            {
                await Problems.Result(StatusCodes.Status413PayloadTooLarge, ProblemCode.RequestTooLarge, $"Requests may carry at most {MaxApiBodyBytes / 1024} KB.")
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(ApiRoutes.Prefix);

    /// <summary>
    /// By the endpoint routing chose, not by the path: routing also takes the path with a trailing slash (and in any case) to it,
    /// so every spelling that reaches the handler counts.
    /// </summary>
    private static bool IsUploadTarget(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: ApiRoutes.Uploads };

    private static bool IsUpload(HttpContext context) => context.Request.Path.StartsWithSegments(LocalUploadEndpoints.Path);

    private static string Token(HttpContext context) => context.Request.Headers[DeviceTokens.HeaderName].ToString();

    private static RateLimitPartition<string> NoLimit => RateLimitPartition.GetNoLimiter("none");

    /// <summary>A budget of the request's device; requests without a well-formed token are refused by the endpoints themselves.</summary>
    private static RateLimitPartition<string> PerDevice(HttpContext context, string budget, int permits) =>
        DeviceIdentity.IsWellFormedToken(Token(context))
            ? PerMinute($"{budget}:{DeviceIdentity.DeviceIdFor(Token(context))}", permits)
            : NoLimit;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
