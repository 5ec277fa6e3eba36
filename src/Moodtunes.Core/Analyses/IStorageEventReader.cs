namespace Moodtunes.Core.Analyses;

/// <summary>Reads the "object created" notifications photo storage sends (S3 event notifications on AWS).</summary>
public interface IStorageEventReader
{
    /// <summary>The keys of the objects the notification reports created, in order; null when the body is not a notification.</summary>
    IReadOnlyList<string>? CreatedKeys(string body);
}
