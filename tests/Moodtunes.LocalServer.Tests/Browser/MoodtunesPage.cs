using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>The page as a person uses it, through the test hooks of static-site/README.md.</summary>
public sealed partial class MoodtunesPage(IPage page)
{
    /// <summary>Upload plus analysis on a 2-core machine, with the vision models loaded on first use.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Analysis = new() { Timeout = 45_000 };

    public IPage Page { get; } = page;

    public ILocator Status => Page.GetByTestId("status");

    public ILocator Failure => Page.GetByTestId("failure");

    public ILocator Result => Page.GetByTestId("result");

    public ILocator EmotionLabel => Page.GetByTestId("emotion-label");

    public ILocator TrackList => Page.GetByTestId("track-list");

    public ILocator Tracks => Page.GetByTestId("track");

    public ILocator HistoryItems => Page.GetByTestId("history-item");

    public ILocator Html => Page.Locator("html");

    public static FilePayload Photo(string name) => new()
    {
        Name = name,
        MimeType = Path.GetExtension(name) == ".png" ? "image/png" : "image/jpeg",
        Buffer = TestPhotos.Read(name),
    };

    /// <summary>Opens the page (relative to the server) and waits until its script has started.</summary>
    public async Task GotoAsync(string fragment = "")
    {
        await Page.GotoAsync("/" + fragment);
        await Expect(Html).ToHaveClassAsync(JsReady());
    }

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await Expect(Html).ToHaveClassAsync(JsReady());
    }

    /// <summary>Picks a file with the file input, as the "Choose a photo" button does.</summary>
    public Task ChooseFileAsync(FilePayload file) => Page.GetByTestId("file-input").SetInputFilesAsync(file);

    /// <summary>Waits for the analysis to finish well and returns its id.</summary>
    public async Task<string> ExpectDoneAsync()
    {
        await Expect(Status).ToHaveAttributeAsync("data-state", Finished(), Analysis);
        await Expect(Status).ToHaveAttributeAsync("data-state", "done");
        await Expect(Result).ToBeVisibleAsync();
        return await Result.GetAttributeAsync("data-analysis-id")
            ?? throw new InvalidOperationException("The result carries no analysis id.");
    }

    /// <summary>Waits for the flow to end in the failed state with the given code.</summary>
    public async Task ExpectFailedAsync(FailureCode failure)
    {
        var code = failure.ToWire();
        await Expect(Status).ToHaveAttributeAsync("data-state", Finished(), Analysis);
        await Expect(Status).ToHaveAttributeAsync("data-state", "failed");
        await Expect(Status).ToHaveAttributeAsync("data-failure-code", code);
        await Expect(Failure).ToBeVisibleAsync();
        await Expect(Failure).ToHaveAttributeAsync("data-failure-code", code);
    }

    /// <summary>Waits until no track request is in flight, then reads the listed track ids in order.</summary>
    public async Task<IReadOnlyList<string>> TrackIdsAsync()
    {
        await Expect(TrackList).ToHaveAttributeAsync("aria-busy", "false");
        var ids = await Tracks.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.trackId)");
        return ids;
    }

    public async Task OpenHistoryAsync()
    {
        await Page.GetByTestId("nav-history").ClickAsync();
        var view = Page.GetByTestId("history-view");
        await Expect(view).ToBeVisibleAsync();
        await Expect(view).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    /// <summary>Saves the whole page as TestResults/screenshots/{name}.png for a person to look at.</summary>
    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"),
        FullPage = true,
        // A still picture: no spinner or bar animation caught half-way.
        Animations = ScreenshotAnimations.Disabled,
    });

    /// <summary>Saves one part of the page as TestResults/screenshots/{name}.png (the README shows some of these).</summary>
    public static Task ScreenshotAsync(ILocator part, string name) => part.ScreenshotAsync(new LocatorScreenshotOptions
    {
        Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"),
        Animations = ScreenshotAnimations.Disabled,
    });

    [GeneratedRegex(@"\bjs-ready\b")]
    private static partial Regex JsReady();

    [GeneratedRegex("^(done|failed)$")]
    private static partial Regex Finished();
}
