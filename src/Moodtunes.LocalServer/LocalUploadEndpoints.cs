using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Moodtunes.Api.Http;
using Moodtunes.Storage.Local;

namespace Moodtunes.LocalServer;

/// <summary>
/// The local stand-in for the S3 bucket's browser POST: the same form fields, the signed policy
/// checked (key, type, size, expiry), then the same "object created" notification S3 would send.
/// </summary>
public static class LocalUploadEndpoints
{
    public const string Path = "/local-uploads";

    /// <summary>Room for the form fields around the largest allowed photo.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapLocalUploads(this IEndpointRouteBuilder app, long maxPhotoBytes)
    {
        var maxBodyBytes = maxPhotoBytes + FormOverheadBytes;
        app.MapPost(
                Path,
                (HttpRequest request, LocalUploadPolicy policies, FileSystemPhotoStore photos, PhotoUploadedQueue queue, CancellationToken cancellationToken) =>
                    UploadAsync(request, maxBodyBytes, policies, photos, queue, cancellationToken))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxBodyBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = maxBodyBytes })
            .WithName("LocalUpload")
            .WithSummary("Receives a photo the way S3 receives a presigned POST.");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UploadAsync(
        HttpRequest request,
        long maxBodyBytes,
        LocalUploadPolicy policies,
        FileSystemPhotoStore photos,
        PhotoUploadedQueue queue,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return NotAForm();
        }

        // Refused by its declared length before reading, so the page gets the same problem as for a file just over
        // the policy's limit; otherwise the size limits cut the body short while the form is read (an exception, 500).
        if (request.ContentLength > maxBodyBytes)
        {
            return TooLarge();
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException rejected) when (rejected.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's body limit, reached by a body sent without a length.
            return TooLarge();
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException)
        {
            // A malformed or cut-short multipart body, or (sent without a length) one longer than the form limit.
            return NotAForm();
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "empty-file", "The form has no photo in its 'file' part.");
        }

        var key = form["key"].ToString();
        var check = policies.Verify(form["policy"].ToString(), form["signature"].ToString(), key, form["Content-Type"].ToString(), file.Length);
        if (check.Verdict is not LocalUploadVerdict.Ok)
        {
            return check.Verdict is LocalUploadVerdict.TooLarge
                ? TooLarge()
                : Problems.Result(StatusCodes.Status403Forbidden, "upload-refused", $"The upload target does not allow this ({check.Verdict}).");
        }

        await using (var content = file.OpenReadStream())
        {
            await photos.WriteAsync(key, content, check.Policy!.MaxBytes, cancellationToken).ConfigureAwait(false);
        }

        queue.Enqueue(key);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotAForm() =>
        Problems.Result(StatusCodes.Status400BadRequest, "not-a-form", "Upload the photo as multipart/form-data.");

    private static ProblemHttpResult TooLarge() =>
        Problems.Result(StatusCodes.Status413PayloadTooLarge, "file-too-large", "The photo is larger than the upload allows.");
}
