using Moodtunes.Api.Events;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Local;

namespace Moodtunes.LocalServer;

/// <summary>
/// Analyses each uploaded photo, as the S3 trigger does on AWS: a few at once (one per device at a time),
/// retried like Lambda retries an event. At start it re-queues photos still on disk: photos are deleted
/// once analysed, so any left are uploads a previous run did not finish.
/// </summary>
public sealed partial class LocalAnalysisWorker(
    PhotoUploadedQueue queue,
    FileSystemPhotoStore photos,
    PhotoAnalysisService analysis,
    LocalServerOptions options,
    ILogger<LocalAnalysisWorker> logger) : BackgroundService
{
    private const int Attempts = 3;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var key in photos.RecoverKeys(PhotoKey.Prefix))
        {
            queue.Enqueue(key);
        }

        return Parallel.ForEachAsync(
            queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.AnalysisWorkers, CancellationToken = stoppingToken },
            ProcessAsync);
    }

    private async ValueTask ProcessAsync(PhotoTurn turn, CancellationToken cancellationToken)
    {
        using (turn)
        {
            await ProcessAsync(turn.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(string key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await analysis.ProcessAsync(key, cancellationToken).ConfigureAwait(false);
                LogProcessed(key, outcome);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException && attempt < Attempts)
            {
                LogAttemptFailed(error, key, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Like an event Lambda stops retrying: the photo goes (it must not outlive its analysis)
                // and the analysis reads as photo-missing once its upload window has passed.
                LogGaveUp(error, key, attempt);
                await photos.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Photo {Key}: {Outcome}")]
    private partial void LogProcessed(string key, AnalysisOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Photo {Key}: attempt {Attempt} failed")]
    private partial void LogAttemptFailed(Exception error, string key, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Photo {Key}: gave up after {Attempts} attempts; the photo is deleted")]
    private partial void LogGaveUp(Exception error, string key, int attempts);
}
