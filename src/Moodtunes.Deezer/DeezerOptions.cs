using Microsoft.Extensions.Options;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Deezer;

/// <summary>
/// The "Deezer" configuration section, bound and validated at start (<see cref="DeezerServiceCollectionExtensions.AddDeezerMedia"/>).
/// The base address exists so tests can use a loopback stand-in.
/// </summary>
public sealed record DeezerOptions
{
    public const string SectionName = "Deezer";

    public static readonly Uri DefaultBaseAddress = new("https://api.deezer.com/");

    /// <summary>Deezer serves previews over https from its CDN (cdnt-preview.dzcdn.net and siblings).</summary>
    public static readonly IReadOnlyList<string> DefaultPreviewOrigins = ["https://*.dzcdn.net"];

    /// <summary>False turns the provider off: tracks keep their search links and play no preview.</summary>
    public bool Enabled { get; init; } = true;

    public Uri BaseAddress { get; init; } = DefaultBaseAddress;

    /// <summary>
    /// Where a preview URL may point (<see cref="PreviewOrigins"/>); a stand-in's tests name their own. Configured
    /// entries replace <see cref="DefaultPreviewOrigins"/> (<see cref="AllowedPreviewOrigins"/>).
    /// </summary>
    public IReadOnlyList<string> PreviewOrigins { get; init; } = [];

    /// <summary>One request's limit; the song list never waits longer than its own deadline anyway.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Requests to the provider per <see cref="BudgetWindow"/>, for the whole process (<see cref="ProviderBudget"/>).</summary>
    public int RequestBudget { get; init; } = 40;

    public TimeSpan BudgetWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive failures after which the provider is left alone for <see cref="OpenFor"/>.</summary>
    public int FailuresToOpen { get; init; } = 3;

    public TimeSpan OpenFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The configured origins, or the defaults when none is. (A bound list adds to a default, so it starts empty; an
    /// entry set to nothing binds as null and is no origin.)
    /// </summary>
    public IReadOnlyList<string> AllowedPreviewOrigins =>
        PreviewOrigins.OfType<string>().ToList() is { Count: > 0 } configured ? configured : DefaultPreviewOrigins;
}

/// <summary>Refuses values that would break the client at its first request, naming the configuration key.</summary>
internal sealed class DeezerOptionsValidator : IValidateOptions<DeezerOptions>
{
    public ValidateOptionsResult Validate(string? name, DeezerOptions options)
    {
        string Key(string property) => $"{DeezerOptions.SectionName}:{property}";
        var problems = new List<string?>
        {
            ProviderAddress.Problem(Key(nameof(options.BaseAddress)), options.BaseAddress),
            options.Timeout > TimeSpan.Zero ? null : $"{Key(nameof(options.Timeout))} must be positive (was {options.Timeout}).",
            options.RequestBudget > 0 ? null : $"{Key(nameof(options.RequestBudget))} must be at least 1 (was {options.RequestBudget}).",
            options.BudgetWindow > TimeSpan.Zero ? null : $"{Key(nameof(options.BudgetWindow))} must be positive (was {options.BudgetWindow}).",
            options.FailuresToOpen > 0 ? null : $"{Key(nameof(options.FailuresToOpen))} must be at least 1 (was {options.FailuresToOpen}).",
            options.OpenFor > TimeSpan.Zero ? null : $"{Key(nameof(options.OpenFor))} must be positive (was {options.OpenFor}).",
        };
        try
        {
            _ = new PreviewOrigins(options.AllowedPreviewOrigins);
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"{Key(nameof(options.PreviewOrigins))}: {e.Message}");
        }

        return problems.OfType<string>().ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
