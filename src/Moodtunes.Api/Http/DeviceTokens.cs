using Moodtunes.Core.Analyses;

namespace Moodtunes.Api.Http;

/// <summary>Reads the caller's device from the <c>X-Device-Token</c> header (see docs/api.md).</summary>
public static class DeviceTokens
{
    public const string HeaderName = "X-Device-Token";

    private const string DeviceIdItem = "moodtunes.device-id";

    /// <summary>The device id (hash of the token) the filter stored for this request.</summary>
    public static DeviceId DeviceId(this HttpContext context) =>
        context.Items[DeviceIdItem] is DeviceId deviceId
            ? deviceId
            : throw new InvalidOperationException("RequireDeviceToken() is missing on this endpoint.");

    /// <summary>Answers 401 unless the request carries a well-formed device token.</summary>
    public static TBuilder RequireDeviceToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var token = http.Request.Headers[HeaderName].ToString();
            if (!DeviceIdentity.IsWellFormedToken(token))
            {
                return Problems.Result(
                    StatusCodes.Status401Unauthorized,
                    ProblemCode.InvalidToken,
                    $"Send a device token ({DeviceIdentity.MinTokenLength}–{DeviceIdentity.MaxTokenLength} base64url characters) in the {HeaderName} header.");
            }

            http.Items[DeviceIdItem] = DeviceIdentity.DeviceIdFor(token);
            return await next(context).ConfigureAwait(false);
        });
}
