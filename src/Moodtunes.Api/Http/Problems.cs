using Moodtunes.Core;

namespace Moodtunes.Api.Http;

/// <summary>RFC 7807 problem responses carrying a machine-readable <c>code</c> the page can act on.</summary>
public static class Problems
{
    public static ProblemHttpResult Result(int status, ProblemCode code, string detail)
    {
        var wire = code.ToWire();
        return TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: wire,
            extensions: new Dictionary<string, object?> { ["code"] = wire });
    }

    public static ProblemHttpResult NotFound() =>
        Result(StatusCodes.Status404NotFound, ProblemCode.NotFound, "No such analysis for this device (it may have expired or been deleted).");
}
