namespace Moodtunes.Core.Analyses;

/// <summary>
/// One analysis's id (ULID-style, see <see cref="AnalysisIds"/>), given out by <see cref="AnalysisIds.New"/> and
/// <see cref="AnalysisIds.TryParse"/>. A type of its own, with no conversion from string, so it cannot be passed
/// where a device id belongs.
/// </summary>
public readonly record struct AnalysisId(string Value)
{
    public override string ToString() => Value;
}
