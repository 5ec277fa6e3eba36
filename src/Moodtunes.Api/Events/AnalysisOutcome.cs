namespace Moodtunes.Api.Events;

/// <summary>What handling one "photo uploaded" notification did.</summary>
public enum AnalysisOutcome
{
    /// <summary>The analysis is now done (faces and tracks stored).</summary>
    Done,

    /// <summary>The analysis is now failed with a reason the user sees (no face, not an image, ...).</summary>
    Failed,

    /// <summary>The analysis was already finished: a replayed notification changes nothing.</summary>
    AlreadyFinished,

    /// <summary>No pending analysis owns this photo (unknown, expired or deleted): the photo is removed.</summary>
    UnknownAnalysis,

    /// <summary>The object is not a photo key of ours; it is left alone.</summary>
    Ignored,
}
