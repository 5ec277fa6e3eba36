namespace Moodtunes.Core.Recommendation;

/// <summary>A short text in the page's two languages.</summary>
public sealed record LocalizedText(string En, string Ko);
