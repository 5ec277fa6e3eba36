using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Moodtunes.Web;

namespace Moodtunes.LocalServer;

/// <summary>
/// The local server is open to anyone on the network with the QR code: API requests are limited per
/// device (per address when no token is sent) and request bodies are small except for photo uploads.
/// On AWS, API Gateway's throttling and S3's signed policy play these parts.
/// </summary>
public static class RequestLimits
{
    /// <summary>JSON bodies are tiny; /local-uploads raises its own limit to the photo size.</summary>
    private const long MaxApiBodyBytes = 16 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder, LocalServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxApiBodyBytes);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments(LocalUploadEndpoints.Path)
                    ? RateLimitPartition.GetNoLimiter("page")
                    : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.RequestsPerDevicePerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Result(StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many requests from this device; try again in a minute.")
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
                await Problems.Result(StatusCodes.Status413PayloadTooLarge, "request-too-large", $"Requests may carry at most {MaxApiBodyBytes / 1024} KB.")
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    private static string PartitionKey(HttpContext context) =>
        context.Request.Headers[DeviceTokens.HeaderName].ToString() is { Length: > 0 } token
            ? $"device:{token}"
            : $"address:{context.Connection.RemoteIpAddress}";
}
