using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Moodtunes.Api.Http;

/// <summary>
/// Refuses <c>/api</c> requests that did not come through the CDN: on AWS, CloudFront adds <see cref="HeaderName"/>
/// with a secret the functions read at start (<see cref="ConfigurationKey"/>), so a caller of the public execute-api
/// URL gets 403 and never reaches a use case. Without a configured secret (the local server, tests) nothing is locked.
/// </summary>
public static class OriginLock
{
    public const string HeaderName = "X-Origin-Verify";

    public const string ConfigurationKey = "Moodtunes:OriginSecret";

    /// <summary>Adds the check in front of every <c>/api</c> endpoint when the host has a secret configured.</summary>
    public static IApplicationBuilder UseOriginLock(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[ConfigurationKey] is not { Length: > 0 } secret)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(secret);
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && !Matches(context.Request.Headers[HeaderName].ToString(), expected))
            {
                await Problems.Result(StatusCodes.Status403Forbidden, "origin-required", "Use the page's own address for the API.")
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
