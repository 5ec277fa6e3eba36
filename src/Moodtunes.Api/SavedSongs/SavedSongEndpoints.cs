using Moodtunes.Api.Http;
using Moodtunes.Api.Tracks;
using Moodtunes.Core;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;

namespace Moodtunes.Api.SavedSongs;

/// <summary>One saved song as the page shows it.</summary>
public sealed record SavedSongResponse(DateTimeOffset SavedAt, TrackResponse Track);

/// <param name="Max">How many songs a device may keep, so the page says so before the server refuses.</param>
public sealed record SavedSongsResponse(IReadOnlyList<SavedSongResponse> Items, int Max);

public static class SavedSongEndpoints
{
    public static IServiceCollection AddSavedSongs(this IServiceCollection services)
    {
        services.AddRecommendation();
        return services.AddSingleton<SavedSongService>();
    }

    public static IEndpointRouteBuilder MapSavedSongs(this IEndpointRouteBuilder app)
    {
        var saved = app.MapGroup(string.Empty).RequireDeviceToken();
        saved.MapGet(ApiRoutes.SavedSongs, ListAsync).WithName("GetSavedSongs").WithSummary("This device's saved songs, newest first.");
        saved.MapGet(ApiRoutes.SavedSongsExport, ExportAsync).WithName("ExportSavedSongs").WithSummary("The saved songs as CSV or plain text, with links.");
        saved.MapPut(ApiRoutes.SavedSong, SaveAsync).WithName("SaveSong").WithSummary("Keeps a catalog song (saving it again changes nothing).");
        saved.MapDelete(ApiRoutes.SavedSong, DeleteAsync).WithName("DeleteSavedSong");
        saved.MapDelete(ApiRoutes.SavedSongs, DeleteAllAsync).WithName("DeleteSavedSongs");
        return app;
    }

    private static async Task<Ok<SavedSongsResponse>> ListAsync(
        SavedSongService songs, TrackCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SavedSongsResponse(
            [.. (await songs.ListAsync(context.DeviceId(), cancellationToken).ConfigureAwait(false)).Select(song => Response(song, catalog))],
            SavedSongLimits.MaxPerDevice));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        SavedSongService songs, HttpContext context, CancellationToken cancellationToken, string? format = null)
    {
        var parsed = ExportFormat.Csv;
        if (format is not null && !WireNames.TryParse(format, out parsed))
        {
            return Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.UnknownFormat, "format is 'csv' or 'text'.");
        }

        var list = await songs.ListAsync(context.DeviceId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.File(
            System.Text.Encoding.UTF8.GetBytes(SavedSongExport.Write(list, parsed)),
            SavedSongExport.ContentType(parsed),
            SavedSongExport.FileNameFor(parsed));
    }

    private static async Task<Results<Created<SavedSongResponse>, Ok<SavedSongResponse>, ProblemHttpResult>> SaveAsync(
        string catalogId, SavedSongService songs, TrackCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        await songs.SaveAsync(context.DeviceId(), catalogId, cancellationToken).ConfigureAwait(false) switch
        {
            SaveOutcome.Saved(var song, true) => TypedResults.Created((string?)null, Response(song, catalog)),
            SaveOutcome.Saved(var song, false) => TypedResults.Ok(Response(song, catalog)),
            SaveOutcome.Full => Problems.Result(
                StatusCodes.Status409Conflict, ProblemCode.SavedSongsFull, $"A device keeps at most {SavedSongLimits.MaxPerDevice} songs; delete some first."),
            _ => Problems.Result(StatusCodes.Status404NotFound, ProblemCode.UnknownTrack, "Not a song of our catalog."),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string catalogId, SavedSongService songs, HttpContext context, CancellationToken cancellationToken) =>
        await songs.DeleteAsync(context.DeviceId(), catalogId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.Result(StatusCodes.Status404NotFound, ProblemCode.NotSaved, "This song is not saved on this device.");

    private static async Task<NoContent> DeleteAllAsync(SavedSongService songs, HttpContext context, CancellationToken cancellationToken)
    {
        await songs.DeleteAllAsync(context.DeviceId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static SavedSongResponse Response(SavedTrack song, TrackCatalog catalog) => new(song.SavedAt, TrackResponse.From(song.Track, catalog));
}
