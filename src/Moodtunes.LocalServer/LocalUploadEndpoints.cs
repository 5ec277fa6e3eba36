using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Local;

namespace Moodtunes.LocalServer;

/// <summary>
/// The local stand-in for the S3 bucket's browser POST: the same form fields, the signed policy
/// checked (key, type, size, expiry), then the same "object created" notification S3 would send.
/// </summary>
public static class LocalUploadEndpoints
{
    public const string Path = "/local-uploads";

    /// <summary>Room for the form fields around the largest allowed photo; also the most all fields together may hold.</summary>
    private const int FormOverheadBytes = 64 * 1024;

    /// <summary>The longest field (the policy is about 300 bytes); nothing but the file part is allowed to be large.</summary>
    private const int MaxFieldBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapLocalUploads(this IEndpointRouteBuilder app, long maxPhotoBytes)
    {
        var maxBodyBytes = maxPhotoBytes + FormOverheadBytes;
        app.MapPost(
                Path,
                (HttpRequest request, LocalUploadPolicy policies, FileSystemPhotoStore photos, PhotoUploadedQueue queue, CancellationToken cancellationToken) =>
                    UploadAsync(request, maxBodyBytes, policies, photos, queue, cancellationToken))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxBodyBytes))
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
        if (!request.HasFormContentType || Boundary(request) is not { } boundary)
        {
            return NotAForm();
        }

        // Refused by its declared length before reading, so the page gets the same problem as for a file just over
        // the policy's limit; otherwise Kestrel's body limit cuts the body short while it is read.
        if (request.ContentLength > maxBodyBytes)
        {
            return TooLarge();
        }

        try
        {
            var address = ClientAddress.Of(request.HttpContext) ?? PhotoUploadedQueue.UnknownAddress;
            return await StoreAsync(new MultipartReader(boundary, request.Body), address, policies, photos, queue, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException rejected) when (rejected.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's body limit, reached by a body sent without a length.
            return TooLarge();
        }
        catch (PhotoTooLargeException)
        {
            return TooLarge();
        }
        catch (FormFieldsTooLargeException)
        {
            return Problems.Result(
                StatusCodes.Status400BadRequest, ProblemCode.NotAForm, $"Form fields are limited to {MaxFieldBytes / 1024} KB each and {FormOverheadBytes / 1024} KB in all.");
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException)
        {
            // A malformed or cut-short multipart body.
            return NotAForm();
        }
    }

    /// <summary>
    /// Reads the form fields (each and all of them small), checks them against the signed policy, then streams the
    /// file part (last, as S3 requires) straight into the photo store: nothing large is held in memory before the
    /// signature checks out, and a file part that comes before the signed fields meets no policy and is refused
    /// unread. The framework would buffer a form's files over 64 KB in the system's temp folder, where a crash
    /// would leave them; the store's partial writes are swept at start.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> StoreAsync(
        MultipartReader reader,
        string address,
        LocalUploadPolicy policies,
        FileSystemPhotoStore photos,
        PhotoUploadedQueue queue,
        CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var fieldBytes = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (section.GetContentDispositionHeader() is not { } disposition || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (name != "file")
            {
                var value = await ReadFieldAsync(section.Body, cancellationToken).ConfigureAwait(false);
                fieldBytes += value.Length;
                fields[name] = fieldBytes <= FormOverheadBytes ? Encoding.UTF8.GetString(value) : throw new FormFieldsTooLargeException();
                continue;
            }

            var key = fields.GetValueOrDefault("key", string.Empty);
            var check = policies.Verify(
                fields.GetValueOrDefault("policy", string.Empty), fields.GetValueOrDefault("signature", string.Empty), key, fields.GetValueOrDefault("Content-Type", string.Empty), size: null);
            if (check.Verdict is not LocalUploadVerdict.Ok)
            {
                return Refused(check.Verdict);
            }

            if (await photos.WriteAsync(key, section.Body, check.Policy!.MaxBytes, cancellationToken).ConfigureAwait(false) == 0)
            {
                await photos.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
                break;
            }

            queue.Enqueue(key, address);
            return TypedResults.NoContent();
        }

        return Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.EmptyFile, "The form has no photo in its 'file' part.");
    }

    /// <summary>A field's bytes, read no further than one byte past <see cref="MaxFieldBytes"/>.</summary>
    private static async Task<byte[]> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return length <= MaxFieldBytes ? buffer[..length] : throw new FormFieldsTooLargeException();
    }

    private static string? Boundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary
            ? boundary.ToString()
            : null;

    private static ProblemHttpResult Refused(LocalUploadVerdict verdict) => verdict is LocalUploadVerdict.TooLarge
        ? TooLarge()
        : Problems.Result(StatusCodes.Status403Forbidden, ProblemCode.UploadRefused, $"The upload target does not allow this ({verdict}).");

    private static ProblemHttpResult NotAForm() =>
        Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.NotAForm, "Upload the photo as multipart/form-data.");

    private static ProblemHttpResult TooLarge() =>
        Problems.Result(StatusCodes.Status413PayloadTooLarge, ProblemCode.FileTooLarge, "The photo is larger than the upload allows.");
}

/// <summary>A form field, or all of them together, over the limit: the form is refused before the rest is read.</summary>
internal sealed class FormFieldsTooLargeException : Exception
{
}
