using Microsoft.Playwright;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>Gives each test its own phones: fresh browser contexts, closed when the test ends.</summary>
[Slow]
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected Uri BaseUrl => fixture.BaseUrl;

    protected IServiceProvider Services => fixture.Services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// A new phone (390×844, touch, its own storage and so its own device token and history) with the
    /// page open on <paramref name="fragment"/>. <paramref name="prepare"/> runs on the tab before the page
    /// loads (routes that must see the page's own request). <paramref name="server"/> opens another local server.
    /// <paramref name="deviceToken"/> is the phone's token (a history seeded for it); <paramref name="timeZone"/> its IANA zone;
    /// <paramref name="desktop"/> opens a 1280×800 desktop window instead.
    /// </summary>
    protected async Task<MoodtunesPage> OpenPhoneAsync(
        string locale = "en-US", string fragment = "", Func<IPage, Task>? prepare = null, Uri? server = null,
        string? deviceToken = null, string? timeZone = null, bool desktop = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            // A phone (390×844, touch), or with desktop a 1280×800 window with a mouse.
            ViewportSize = desktop ? new ViewportSize { Width = 1280, Height = 800 } : new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = desktop ? 1 : 2,
            IsMobile = !desktop,
            HasTouch = !desktop,
            Locale = locale,
            BaseURL = (server ?? fixture.BaseUrl).ToString(),
            // The fake camera answers without a prompt; granting it keeps Playwright from denying it.
            Permissions = ["camera"],
            TimezoneId = timeZone,
        });
        _contexts.Add(context);
        if (deviceToken is not null)
        {
            // Before the page's own script, which otherwise makes a token of its own.
            await context.AddInitScriptAsync($"localStorage.setItem('moodtunes.deviceToken', '{deviceToken}');");
        }

        var tab = await context.NewPageAsync();
        if (prepare is not null)
        {
            await prepare(tab);
        }

        var page = new MoodtunesPage(tab);
        await page.GotoAsync(fragment);
        return page;
    }
}
