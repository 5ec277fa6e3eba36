namespace Moodtunes.Api.Http;

/// <summary>RFC 7807 problem responses carrying a machine-readable <c>code</c> the page can act on.</summary>
public static class Problems
{
    public static ProblemHttpResult Result(int status, string code, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: code,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound() =>
        Result(StatusCodes.Status404NotFound, "not-found", "No such analysis for this device (it may have expired or been deleted).");
}
