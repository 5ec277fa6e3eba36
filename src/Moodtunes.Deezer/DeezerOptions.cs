namespace Moodtunes.Deezer;

/// <summary>The "Deezer" configuration section. The base address exists so tests can use a loopback stand-in.</summary>
public sealed record DeezerOptions
{
    public const string SectionName = "Deezer";

    public static readonly Uri DefaultBaseAddress = new("https://api.deezer.com/");

    /// <summary>False turns the provider off: tracks keep their search links and play no preview.</summary>
    public bool Enabled { get; init; } = true;

    public Uri BaseAddress { get; init; } = DefaultBaseAddress;

    /// <summary>Deezer serves previews over https from its CDN (cdnt-preview.dzcdn.net and siblings).</summary>
    public static readonly IReadOnlyList<string> DefaultPreviewOrigins = ["https://*.dzcdn.net"];

    /// <summary>Where a preview URL may point (<see cref="PreviewOrigins"/>); a stand-in's tests name their own.</summary>
    public IReadOnlyList<string> PreviewOrigins { get; init; } = DefaultPreviewOrigins;

    /// <summary>One request's limit; the song list never waits longer than its own deadline anyway.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Requests to the provider per <see cref="BudgetWindow"/>, for the whole process (<see cref="ProviderBudget"/>).</summary>
    public int RequestBudget { get; init; } = 40;

    public TimeSpan BudgetWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive failures after which the provider is left alone for <see cref="OpenFor"/>.</summary>
    public int FailuresToOpen { get; init; } = 3;

    public TimeSpan OpenFor { get; init; } = TimeSpan.FromSeconds(30);
}
