using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Moodtunes.Api.Http;

/// <summary>
/// Refuses <c>/api</c> requests that did not come through the CDN: on AWS, CloudFront adds <see cref="HeaderName"/>
/// with a secret the functions know (<see cref="ConfigurationKey"/>), so a caller of the public execute-api URL gets
/// 403 and never reaches a use case. Without a configured secret (the local server, tests) nothing is locked.
/// </summary>
public static class OriginLock
{
    public const string HeaderName = "X-Origin-Verify";

    public const string ConfigurationKey = "Moodtunes:OriginSecret";

    /// <summary>
    /// Adds the check in front of every <c>/api</c> endpoint, for a host with a secret configured. The secret is read
    /// on the first <c>/api</c> request, not here: it may live in a secret store that start-up must not wait on (a
    /// failed SnapStart init fails the deploy); if it cannot be read, that request fails with the store's error.
    /// </summary>
    public static IApplicationBuilder UseOriginLock(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(ApiRoutes.Prefix)
                && configuration[ConfigurationKey] is { Length: > 0 } secret
                && !Matches(context.Request.Headers[HeaderName].ToString(), Encoding.UTF8.GetBytes(secret)))
            {
                await Problems.Result(StatusCodes.Status403Forbidden, ProblemCode.OriginRequired, "Use the page's own address for the API.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    // Fixed-time comparison, so response timing tells nothing about how much of a guess was right.
    private static bool Matches(string presented, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);
}
